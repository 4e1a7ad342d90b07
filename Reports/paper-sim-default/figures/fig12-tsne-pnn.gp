# t-SNE of the last hidden layer of the pNN (paper Fig. 12)
# Written by `bench report`. Render from this folder:
#   gnuplot fig12-tsne-pnn.gp                  -> fig12-tsne-pnn.svg
#   gnuplot -e "fmt='png'" fig12-tsne-pnn.gp   -> fig12-tsne-pnn.png
#   gnuplot -e "fmt='pdf'" fig12-tsne-pnn.gp   -> fig12-tsne-pnn.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1100,600 font ",10" noenhanced
    set output "fig12-tsne-pnn.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 11.00in,6.00in font ",10" noenhanced
    set output "fig12-tsne-pnn.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1100,600 font ",12" noenhanced
    set output "fig12-tsne-pnn.svg"
}
set multiplot layout 1,2 title "Figure 12: t-SNE of the last hidden layer of the pNN (pNN | Identical (fixed)), HEPMASS-SIM"
unset xtics
unset ytics
set size ratio -1
# Room around the points (autoscaling puts the extreme points on the border) and
# equal margins, so the two panels of the same points have the same size.
set offsets graph 0.03, graph 0.03, graph 0.03, graph 0.03
set tmargin 3
set bmargin 5
set lmargin 2
set rmargin 2
set key outside bottom center horizontal box reverse Left samplen 1 width 2 maxrows 1
set title "coloured by mass"
plot "fig12-tsne-pnn.dat" using 1:2:($5 == 0 ? 0x0d0887 : $5 == 1 ? 0x7e03a8 : $5 == 2 ? 0xcc4778 : $5 == 3 ? 0xf2842f : $5 == 4 ? 0xc9a800 : $5 == 5 ? 0x6a6a6a : $5 == 6 ? 0x000000 : 0x000000) with points pt 7 ps 0.35 lc rgb variable notitle, \
     NaN with points pt 7 ps 1.2 lc rgb "#0d0887" title "500 GeV", \
     NaN with points pt 7 ps 1.2 lc rgb "#7e03a8" title "750 GeV", \
     NaN with points pt 7 ps 1.2 lc rgb "#cc4778" title "1000 GeV", \
     NaN with points pt 7 ps 1.2 lc rgb "#f2842f" title "1250 GeV", \
     NaN with points pt 7 ps 1.2 lc rgb "#c9a800" title "1500 GeV"
set title "coloured by label"
plot "fig12-tsne-pnn.dat" using 1:2:($4 == 1 ? 0xd62728 : 0x1f77b4) with points pt 7 ps 0.35 lc rgb variable notitle, \
     NaN with points pt 7 ps 1.2 lc rgb "#d62728" title "signal", \
     NaN with points pt 7 ps 1.2 lc rgb "#1f77b4" title "background"
unset multiplot
unset output
