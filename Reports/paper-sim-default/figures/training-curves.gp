# Training curves
# Written by `bench report`. Render from this folder:
#   gnuplot training-curves.gp                  -> training-curves.svg
#   gnuplot -e "fmt='png'" training-curves.gp   -> training-curves.png
#   gnuplot -e "fmt='pdf'" training-curves.gp   -> training-curves.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1100,560 font ",10" noenhanced
    set output "training-curves.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 11.00in,5.60in font ",10" noenhanced
    set output "training-curves.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1100,560 font ",12" noenhanced
    set output "training-curves.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
set multiplot title "Training curves of representative networks (simulated data: HEPMASS-SIM)" font ",13"
set xrange [0.5:8.5]
set xtics 1
set xlabel "epoch"
set title "training loss (cross-entropy + L2)"
set ylabel "mean training loss per step"
set format y "%.2f"
unset key
set lmargin at screen 0.07; set rmargin at screen 0.48; set tmargin at screen 0.88; set bmargin at screen 0.34
plot "training-curves-table3-single.dat" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#7f7f7f" notitle, \
     "training-curves-table3-single.dat" using 1:($4 > 0 ? $2 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#7f7f7f" notitle, \
     "training-curves-table3-pnn-identical-fixed.dat" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#1f77b4" notitle, \
     "training-curves-table3-pnn-identical-fixed.dat" using 1:($4 > 0 ? $2 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#1f77b4" notitle, \
     "training-curves-table3-affine-identical-fixed.dat" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#ff7f0e" notitle, \
     "training-curves-table3-affine-identical-fixed.dat" using 1:($4 > 0 ? $2 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#ff7f0e" notitle, \
     "training-curves-fig14c-pnn-uniform-unregularized.dat" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#d62728" notitle, \
     "training-curves-fig14c-pnn-uniform-unregularized.dat" using 1:($4 > 0 ? $2 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#d62728" notitle
set title "validation ROC-AUC (mean over masses)"
set ylabel "validation ROC-AUC"
set lmargin at screen 0.57; set rmargin at screen 0.98
set format y "%.3f"
plot "training-curves-table3-single.dat" using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#7f7f7f" notitle, \
     "training-curves-table3-single.dat" using 1:($4 > 0 ? $3 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#7f7f7f" notitle, \
     "training-curves-table3-pnn-identical-fixed.dat" using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#1f77b4" notitle, \
     "training-curves-table3-pnn-identical-fixed.dat" using 1:($4 > 0 ? $3 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#1f77b4" notitle, \
     "training-curves-table3-affine-identical-fixed.dat" using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#ff7f0e" notitle, \
     "training-curves-table3-affine-identical-fixed.dat" using 1:($4 > 0 ? $3 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#ff7f0e" notitle, \
     "training-curves-fig14c-pnn-uniform-unregularized.dat" using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb "#d62728" notitle, \
     "training-curves-fig14c-pnn-uniform-unregularized.dat" using 1:($4 > 0 ? $3 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb "#d62728" notitle
# One legend for both panels, in a strip of its own below them (a plot of nothing
# as wide as the figure, so that the entries can sit in two columns).
set lmargin at screen 0.07; set rmargin at screen 0.98; set tmargin at screen 0.22; set bmargin at screen 0.01
unset border; unset tics; unset grid; unset title; unset xlabel; unset ylabel
set xrange [0:1]; set yrange [0:1]
set key center center horizontal maxrows 3 Left reverse font ",10" samplen 2.5 width 1 noopaque nobox
plot NaN with linespoints lw 2 pt 7 ps 0.7 lc rgb "#7f7f7f" title "Single-NN on HEPMASS [table3], best epoch 8", \
     NaN with linespoints lw 2 pt 7 ps 0.7 lc rgb "#1f77b4" title "pNN, Identical (fixed) on HEPMASS [table3], best epoch 8", \
     NaN with linespoints lw 2 pt 7 ps 0.7 lc rgb "#ff7f0e" title "Affine, Identical (fixed) on HEPMASS [table3], best epoch 8", \
     NaN with linespoints lw 2 pt 7 ps 0.7 lc rgb "#d62728" title "pNN (class), Uniform (sampled), unregularized on HEPMASS-IMB [fig14c], best epoch 8", \
     NaN with points pt 6 ps 2 lw 2 lc rgb "#000000" title "best epoch (weights kept)"
unset multiplot
unset output
