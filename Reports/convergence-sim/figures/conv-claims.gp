# Claims vs training budget
# Written by `bench report`. Render from this folder:
#   gnuplot conv-claims.gp                  -> conv-claims.svg
#   gnuplot -e "fmt='png'" conv-claims.gp   -> conv-claims.png
#   gnuplot -e "fmt='pdf'" conv-claims.gp   -> conv-claims.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1200,1580 font ",10" noenhanced
    set output "conv-claims.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 12.00in,15.80in font ",10" noenhanced
    set output "conv-claims.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1200,1580 font ",12" noenhanced
    set output "conv-claims.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set multiplot layout 5,3 title "The paper's claims vs training budget: effect and 95 % interval over seeds" font ",12" margins 0.07,0.98,0.03797468,0.9462025 spacing 0.06,0.06329114
set logscale x
set xrange [14400:3.281250e+08]
set xtics ("smoke\n36k" 36000, "default\n1.2M" 1200000, "medium\n7.5M" 7500000, "large\n36M" 3.600000e+07, "paper\n131M" 1.312500e+08) font ",8"
set mxtics 1
unset xlabel

# ── panel 1: individual-beat-single-hepmass
set title "individual-beat-single-hepmass" font ",9"
set yrange [-4:1]
set ylabel "effect (points)"
set key top left opaque box font ",8"
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 0 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 0 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 0 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 0 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 0 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 2: individual-beat-single-imb
set title "individual-beat-single-imb" font ",9"
set yrange [-11.5:17]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 1 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 1 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 1 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 1 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 1 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 3: hardest-mass-500-hepmass
set title "hardest-mass-500-hepmass" font ",9"
set yrange [-20.5:36]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 2 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 2 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 2 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 2 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 2 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 4: hardest-mass-500-imb
set title "hardest-mass-500-imb" font ",9"
set yrange [-34:66.5]
set ylabel "effect (points)"
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 3 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 3 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 3 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 3 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 3 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 5: linear-pnn-below-single
set title "linear-pnn-below-single" font ",9"
set yrange [-1.5:2.5]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 4 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 4 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 4 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 4 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 4 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 6: identical-beats-uniform-pnn-hepmass
set title "identical-beats-uniform-pnn-hepmass" font ",9"
set yrange [-1:2.5]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 5 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 5 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 5 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 5 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 5 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 7: identical-beats-uniform-pnn-imb
set title "identical-beats-uniform-pnn-imb" font ",9"
set yrange [-1:3.5]
set ylabel "effect (points)"
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 6 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 6 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 6 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 6 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 6 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 8: affine-beats-pnn-hepmass
set title "affine-beats-pnn-hepmass" font ",9"
set yrange [-106.5:62.5]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 7 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 7 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 7 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 7 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 7 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 9: affine-interpolates-better-average
set title "affine-interpolates-better-average" font ",9"
set yrange [-17:42.5]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 8 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 8 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 8 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 8 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 8 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 10: affine-interpolates-better-750
set title "affine-interpolates-better-750" font ",9"
set yrange [-8:83.5]
set ylabel "effect (points)"
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 9 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 9 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 9 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 9 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 9 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 11: class-balance-improves-affine-sigma
set title "class-balance-improves-affine-sigma" font ",9"
set yrange [-3:5]
unset ylabel
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 10 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 10 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 10 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 10 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 10 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 12: unregularised-uniform-pnn-fails-fig14c
set title "unregularised-uniform-pnn-fails-fig14c" font ",9"
set yrange [-59.5:28]
unset ylabel
unset key
plot 2 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 11 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 11 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 11 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 11 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 11 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

# ── panel 13: affine-beats-pnn-fig14c
set title "affine-beats-pnn-fig14c" font ",9"
set yrange [-7.5:78.5]
set ylabel "effect (points)"
unset key
plot 0 with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \
     "conv-claims.dat" index 12 using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \
     "conv-claims.dat" index 12 using 1:2 with lines lw 1 lc rgb "#999999" notitle, \
     "conv-claims.dat" index 12 using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \
     "conv-claims.dat" index 12 using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \
     "conv-claims.dat" index 12 using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"
unset multiplot
unset output
