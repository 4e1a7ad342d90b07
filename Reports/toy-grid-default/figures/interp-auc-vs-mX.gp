# Interpolation over mX: trained on 400, 600, 800, 1000, 1200 GeV, tested on all nine masses
# Written by `bench report`. Render from this folder:
#   gnuplot interp-auc-vs-mX.gp                  -> interp-auc-vs-mX.svg
#   gnuplot -e "fmt='png'" interp-auc-vs-mX.gp   -> interp-auc-vs-mX.png
#   gnuplot -e "fmt='pdf'" interp-auc-vs-mX.gp   -> interp-auc-vs-mX.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1000,600 font ",10" noenhanced
    set output "interp-auc-vs-mX.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 10.00in,6.00in font ",10" noenhanced
    set output "interp-auc-vs-mX.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1000,600 font ",12" noenhanced
    set output "interp-auc-vs-mX.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set title "Interpolation over mX: trained on 400, 600, 800, 1000, 1200 GeV, tested on all nine masses\nROC-AUC against mX on toy-mass" font ",12"
set xrange [350:1250]
set xtics ("400" 400, "500" 500, "600" 600, "700" 700, "800" 800, "900" 900, "1000" 1000, "1100" 1100, "1200" 1200)
set mxtics 1
set xlabel "mX"
set ylabel "ROC-AUC"
set yrange [0.2:1]
set format y "%.2f"
set key outside right top vertical font ",10" spacing 1.15
set object 1 rect from 476, graph 0 to 524, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 2 rect from 676, graph 0 to 724, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 3 rect from 876, graph 0 to 924, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 4 rect from 1076, graph 0 to 1124, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
plot "interp-auc-vs-mX.dat" using ($1 - 9):3:7 with yerrorbars pt -1 lw 1.5 lc rgb "#1f77b4" notitle, \
     "" using ($1 - 3):4:9 with yerrorbars pt -1 lw 1.5 lc rgb "#1f77b4" notitle, \
     "" using ($1 + 3):5:11 with yerrorbars pt -1 lw 1.5 lc rgb "#ff7f0e" notitle, \
     "" using ($1 + 9):6:13 with yerrorbars pt -1 lw 1.5 lc rgb "#ff7f0e" notitle, \
     "" using ($1 - 9):3 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#1f77b4" title "pNN Identical (sampled)", \
     "" using ($1 - 3):4 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#1f77b4" title "pNN Uniform (sampled)", \
     "" using ($1 + 3):5 with linespoints lw 2 dt 1 pt 7 ps 1.0 lc rgb "#ff7f0e" title "Affine Identical (sampled)", \
     "" using ($1 + 9):6 with linespoints lw 2 dt 2 pt 5 ps 1.0 lc rgb "#ff7f0e" title "Affine Uniform (sampled)", \
     "" using ($1 - 9):($2 > 0 ? $3 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" title "left out of training", \
     "" using ($1 - 3):($2 > 0 ? $4 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using ($1 + 3):($2 > 0 ? $5 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle, \
     "" using ($1 + 9):($2 > 0 ? $6 : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb "#000000" notitle
unset output
