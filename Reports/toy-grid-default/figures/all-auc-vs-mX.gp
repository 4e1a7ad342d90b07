# Trained on all nine masses
# Written by `bench report`. Render from this folder:
#   gnuplot all-auc-vs-mX.gp                  -> all-auc-vs-mX.svg
#   gnuplot -e "fmt='png'" all-auc-vs-mX.gp   -> all-auc-vs-mX.png
#   gnuplot -e "fmt='pdf'" all-auc-vs-mX.gp   -> all-auc-vs-mX.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1000,600 font ",10" noenhanced
    set output "all-auc-vs-mX.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 10.00in,6.00in font ",10" noenhanced
    set output "all-auc-vs-mX.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1000,600 font ",12" noenhanced
    set output "all-auc-vs-mX.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set title "Trained on all nine masses\nROC-AUC against mX on toy-mass" font ",12"
set xrange [350:1250]
set xtics ("400" 400, "500" 500, "600" 600, "700" 700, "800" 800, "900" 900, "1000" 1000, "1100" 1100, "1200" 1200)
set mxtics 1
set xlabel "mX"
set ylabel "ROC-AUC"
set yrange [0.3:1]
set format y "%.2f"
set key outside right top vertical font ",10" spacing 1.15

plot "all-auc-vs-mX.dat" using ($1 - 3):3:5 with yerrorbars pt -1 lw 1.5 lc rgb "#1f77b4" notitle, \
     "" using ($1 + 3):4:7 with yerrorbars pt -1 lw 1.5 lc rgb "#ff7f0e" notitle, \
     "" using ($1 - 3):3 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#1f77b4" title "pNN", \
     "" using ($1 + 3):4 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#ff7f0e" title "Affine"
unset output
