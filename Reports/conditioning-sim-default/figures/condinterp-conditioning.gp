# Conditioning study, interpolation: the 12 variants trained on 500 and 1500 GeV only, evaluated on every mass (HEPMASS-IMB)
# Written by `bench report`. Render from this folder:
#   gnuplot condinterp-conditioning.gp                  -> condinterp-conditioning.svg
#   gnuplot -e "fmt='png'" condinterp-conditioning.gp   -> condinterp-conditioning.png
#   gnuplot -e "fmt='pdf'" condinterp-conditioning.gp   -> condinterp-conditioning.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1000,600 font ",10" noenhanced
    set output "condinterp-conditioning.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 10.00in,6.00in font ",10" noenhanced
    set output "condinterp-conditioning.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1000,600 font ",12" noenhanced
    set output "condinterp-conditioning.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
set title "Conditioning study: ROC-AUC per mass, trained on 500 and 1500 GeV only\nHEPMASS-IMB (simulated: HEPMASS-SIM)" font ",12"
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set ylabel "ROC-AUC"
set yrange [0.05:1]
set format y "%.2f"
set key outside right top vertical font ",10" spacing 1.15
set object 1 rect from 690, graph 0 to 810, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 2 rect from 940, graph 0 to 1060, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 3 rect from 1190, graph 0 to 1310, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
plot "condinterp-conditioning.dat" using 1:3 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#1f77b4" title "concat-start", \
     "" using 1:4 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#1f77b4" title "concat-all", \
     "" using 1:5 with linespoints lw 2 dt 3 pt 9 ps 1.0 lc rgb "#1f77b4" title "concat-end", \
     "" using 1:6 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#2ca02c" title "biasing-start", \
     "" using 1:7 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#2ca02c" title "biasing-all", \
     "" using 1:8 with linespoints lw 2 dt 3 pt 9 ps 1.0 lc rgb "#2ca02c" title "biasing-end", \
     "" using 1:9 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#9467bd" title "scaling-start", \
     "" using 1:10 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#9467bd" title "scaling-all", \
     "" using 1:11 with linespoints lw 2 dt 3 pt 9 ps 1.0 lc rgb "#9467bd" title "scaling-end", \
     "" using 1:12 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#ff7f0e" title "affine-start", \
     "" using 1:13 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#ff7f0e" title "affine-all", \
     "" using 1:14 with linespoints lw 2 dt 3 pt 9 ps 1.0 lc rgb "#ff7f0e" title "affine-end", \
     "" using 1:($2 > 0 ? $3 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" title "left out of training", \
     "" using 1:($2 > 0 ? $4 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $5 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $6 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $7 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $8 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $9 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $10 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $11 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $12 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $13 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using 1:($2 > 0 ? $14 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle
unset output
