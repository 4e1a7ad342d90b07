# Figure 10: extrapolation on HEPMASS (simulated: HEPMASS-SIM)
# Written by `bench report`. Render from this folder:
#   gnuplot fig10-extrapolation.gp                  -> fig10-extrapolation.svg
#   gnuplot -e "fmt='png'" fig10-extrapolation.gp   -> fig10-extrapolation.png
#   gnuplot -e "fmt='pdf'" fig10-extrapolation.gp   -> fig10-extrapolation.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1740,600 font ",10" noenhanced
    set output "fig10-extrapolation.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 17.40in,6.00in font ",10" noenhanced
    set output "fig10-extrapolation.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1740,600 font ",12" noenhanced
    set output "fig10-extrapolation.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set multiplot title "Figure 10: extrapolation on HEPMASS (simulated: HEPMASS-SIM)" font ",13"
# ── legend strip
set lmargin at screen 0.04022989; set rmargin at screen 0.99
set tmargin at screen 0.9466667; set bmargin at screen 0.9066667
unset border; unset tics; unset grid; unset title; unset xlabel; unset ylabel
set xrange [0:1]; set yrange [0:1]
set key center center horizontal maxrows 1 Left reverse font ",10" samplen 2.5 width 1 noopaque nobox
plot NaN with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" title "pNN, all masses", NaN with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" title "pNN on one mass", NaN with points pt 13 ps 2 lc rgb "#2ca02c" title "training mass", NaN with lines dt 2 lw 1 lc rgb "#000000" title "ratio = 1"
unset key
set border; set tics; set grid
set ytics nomirror
unset key

# ── panel 1: trained on 500 GeV only (mean ΔAUC -74.0%)
set lmargin at screen 0.04022989; set rmargin at screen 0.2205839
set tmargin at screen 0.84; set bmargin at screen 0.40
set xrange [375:1625]
set xtics ("" 500, "" 750, "" 1000, "" 1250, "" 1500)
set mxtics 1
unset xlabel
set format x ""
set yrange [0:1]
set ylabel "ROC-AUC"
set format y "%.2f"
set title "trained on 500 GeV only (mean ΔAUC -74.0%)"
plot "fig10-extrapolation.dat" index 0 using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "#1f77b4" notitle, \
     "" index 0 using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 0 using 1:7 with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
     "" index 0 using 1:10 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 0 using 1:($6 > 0 ? $10 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
# Lower panel: ratio variant / reference.
set tmargin at screen 0.38; set bmargin at screen 0.12
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set format x "%g"
set yrange [-0.14:1.19]
set ylabel "ratio to all-mass pNN"
set format y "%.2f"
unset title
unset key
plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \
     "fig10-extrapolation.dat" index 0 using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 0 using 1:13 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 0 using 1:($6 > 0 ? $13 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle

# ── panel 2: trained on 750 GeV only (mean ΔAUC -29.7%)
set lmargin at screen 0.2325839; set rmargin at screen 0.4129379
set tmargin at screen 0.84; set bmargin at screen 0.40
set xrange [375:1625]
set xtics ("" 500, "" 750, "" 1000, "" 1250, "" 1500)
set mxtics 1
unset xlabel
set format x ""
set yrange [0:1]
unset ylabel
set format y ""
set title "trained on 750 GeV only (mean ΔAUC -29.7%)"
plot "fig10-extrapolation.dat" index 1 using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "#1f77b4" notitle, \
     "" index 1 using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 1 using 1:7 with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
     "" index 1 using 1:10 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 1 using 1:($6 > 0 ? $10 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
# Lower panel: ratio variant / reference.
set tmargin at screen 0.38; set bmargin at screen 0.12
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set format x "%g"
set yrange [-0.14:1.19]
unset ylabel
set format y ""
unset title
unset key
plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \
     "fig10-extrapolation.dat" index 1 using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 1 using 1:13 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 1 using 1:($6 > 0 ? $13 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle

# ── panel 3: trained on 1000 GeV only (mean ΔAUC -8.6%)
set lmargin at screen 0.4249379; set rmargin at screen 0.605292
set tmargin at screen 0.84; set bmargin at screen 0.40
set xrange [375:1625]
set xtics ("" 500, "" 750, "" 1000, "" 1250, "" 1500)
set mxtics 1
unset xlabel
set format x ""
set yrange [0:1]
unset ylabel
set format y ""
set title "trained on 1000 GeV only (mean ΔAUC -8.6%)"
plot "fig10-extrapolation.dat" index 2 using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "#1f77b4" notitle, \
     "" index 2 using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 2 using 1:7 with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
     "" index 2 using 1:10 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 2 using 1:($6 > 0 ? $10 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
# Lower panel: ratio variant / reference.
set tmargin at screen 0.38; set bmargin at screen 0.12
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set format x "%g"
set yrange [-0.14:1.19]
unset ylabel
set format y ""
unset title
unset key
plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \
     "fig10-extrapolation.dat" index 2 using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 2 using 1:13 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 2 using 1:($6 > 0 ? $13 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle

# ── panel 4: trained on 1250 GeV only (mean ΔAUC -7.8%)
set lmargin at screen 0.617292; set rmargin at screen 0.797646
set tmargin at screen 0.84; set bmargin at screen 0.40
set xrange [375:1625]
set xtics ("" 500, "" 750, "" 1000, "" 1250, "" 1500)
set mxtics 1
unset xlabel
set format x ""
set yrange [0:1]
unset ylabel
set format y ""
set title "trained on 1250 GeV only (mean ΔAUC -7.8%)"
plot "fig10-extrapolation.dat" index 3 using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "#1f77b4" notitle, \
     "" index 3 using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 3 using 1:7 with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
     "" index 3 using 1:10 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 3 using 1:($6 > 0 ? $10 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
# Lower panel: ratio variant / reference.
set tmargin at screen 0.38; set bmargin at screen 0.12
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set format x "%g"
set yrange [-0.14:1.19]
unset ylabel
set format y ""
unset title
unset key
plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \
     "fig10-extrapolation.dat" index 3 using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 3 using 1:13 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 3 using 1:($6 > 0 ? $13 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle

# ── panel 5: trained on 1500 GeV only (mean ΔAUC -8.2%)
set lmargin at screen 0.809646; set rmargin at screen 0.99
set tmargin at screen 0.84; set bmargin at screen 0.40
set xrange [375:1625]
set xtics ("" 500, "" 750, "" 1000, "" 1250, "" 1500)
set mxtics 1
unset xlabel
set format x ""
set yrange [0:1]
unset ylabel
set format y ""
set title "trained on 1500 GeV only (mean ΔAUC -8.2%)"
plot "fig10-extrapolation.dat" index 4 using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "#1f77b4" notitle, \
     "" index 4 using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 4 using 1:7 with linespoints lw 4 pt 7 ps 1.3 lc rgb "#1f77b4" notitle, \
     "" index 4 using 1:10 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 4 using 1:($6 > 0 ? $10 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
# Lower panel: ratio variant / reference.
set tmargin at screen 0.38; set bmargin at screen 0.12
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set format x "%g"
set yrange [-0.14:1.19]
unset ylabel
set format y ""
unset title
unset key
plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \
     "fig10-extrapolation.dat" index 4 using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "#8c564b" notitle, \
     "" index 4 using 1:13 with linespoints lw 2 pt 7 ps 0.9 lc rgb "#8c564b" notitle, \
     "" index 4 using 1:($6 > 0 ? $13 : NaN) with points pt 13 ps 2 lc rgb "#2ca02c" notitle
unset multiplot
unset output
