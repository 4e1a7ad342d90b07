# Figure 14(b): half-mass interpolation
# Written by `bench report`. Render from this folder:
#   gnuplot fig14b-half-mass-interpolation.gp                  -> fig14b-half-mass-interpolation.svg
#   gnuplot -e "fmt='png'" fig14b-half-mass-interpolation.gp   -> fig14b-half-mass-interpolation.png
#   gnuplot -e "fmt='pdf'" fig14b-half-mass-interpolation.gp   -> fig14b-half-mass-interpolation.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 900,600 font ",10" noenhanced
    set output "fig14b-half-mass-interpolation.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 9.00in,6.00in font ",10" noenhanced
    set output "fig14b-half-mass-interpolation.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 900,600 font ",12" noenhanced
    set output "fig14b-half-mass-interpolation.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set title "Figure 14(b): half-mass interpolation on HEPMASS (simulated: HEPMASS-SIM)\ntrained on 750 and 1250 GeV only, missing M̄ = {500, 1000, 1500} GeV" font ",12"
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set ylabel "ROC-AUC"
set yrange [0.4:1]
set format y "%.2f"
set key bottom right font ",10"
set object 1 rect from 440, graph 0 to 560, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 2 rect from 940, graph 0 to 1060, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
set object 3 rect from 1440, graph 0 to 1560, graph 1 behind fc rgb "#fbe3e3" fs solid 1.0 noborder
plot "fig14b-half-mass-interpolation.dat" using ($1 - 7.5):5:6 with yerrorbars pt -1 lw 1.5 lc rgb "#1f77b4" notitle, \
     "" using ($1 + 7.5):8:9 with yerrorbars pt -1 lw 1.5 lc rgb "#ff7f0e" notitle, \
     "" using ($1 - 7.5):5 with linespoints lw 2.5 pt 7 ps 1.1 lc rgb "#1f77b4" title "pNN (class), Identical (sampled)", \
     "" using ($1 + 7.5):8 with linespoints lw 2.5 pt 7 ps 1.1 lc rgb "#ff7f0e" title "Affine (class), Identical (sampled)", \
     "" using ($1 - 7.5):($2 > 0 ? $5 : NaN) with points pt 4 ps 2.2 lw 1.5 lc rgb "#000000" title "missing mass (not trained on)", \
     "" using ($1 + 7.5):($2 > 0 ? $8 : NaN) with points pt 4 ps 2.2 lw 1.5 lc rgb "#000000" notitle
unset output
