# Conditioning study: per-mass ROC-AUC of the 12 conditioning variants trained on every mass (HEPMASS-IMB)
# Written by `bench report`. Render from this folder:
#   gnuplot condall-conditioning.gp                  -> condall-conditioning.svg
#   gnuplot -e "fmt='png'" condall-conditioning.gp   -> condall-conditioning.png
#   gnuplot -e "fmt='pdf'" condall-conditioning.gp   -> condall-conditioning.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1000,600 font ",10" noenhanced
    set output "condall-conditioning.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 10.00in,6.00in font ",10" noenhanced
    set output "condall-conditioning.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1000,600 font ",12" noenhanced
    set output "condall-conditioning.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
set title "Conditioning study: ROC-AUC per mass, trained on every mass\nHEPMASS-IMB (simulated: HEPMASS-SIM)" font ",12"
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set ylabel "ROC-AUC"
set yrange [0.45:1]
set format y "%.2f"
set key outside right top vertical font ",10" spacing 1.15

plot "condall-conditioning.dat" using 1:3 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#1f77b4" title "concat-start", \
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
     "" using 1:14 with linespoints lw 2 dt 3 pt 9 ps 1.0 lc rgb "#ff7f0e" title "affine-end"
unset output
