# Class and mass imbalance of HEPMASS-IMB (paper Fig. 6)
# Written by `bench report`. Render from this folder:
#   gnuplot fig06-imbalance.gp                  -> fig06-imbalance.svg
#   gnuplot -e "fmt='png'" fig06-imbalance.gp   -> fig06-imbalance.png
#   gnuplot -e "fmt='pdf'" fig06-imbalance.gp   -> fig06-imbalance.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 960,480 font ",10" noenhanced
    set output "fig06-imbalance.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 9.60in,4.80in font ",10" noenhanced
    set output "fig06-imbalance.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 960,480 font ",12" noenhanced
    set output "fig06-imbalance.svg"
}
set multiplot layout 1,2 title "Class and mass imbalance, HEPMASS-SIM (HEPMASS-IMB composition) training set"
set logscale y
set yrange [5:500000]
set format y "%.0f"
set ylabel "events"
set grid ytics lc rgb "#dddddd"
set style fill solid 0.8 border lc rgb "#333333"
set boxwidth 0.6
unset key
set xrange [-0.6:1.6]
set xtics ("signal" 0, "background" 1) scale 0
set title "per class"
plot "fig06-imbalance-classes.dat" using 1:2:($1 == 0 ? 1 : 2) with boxes lc variable, \
     '' using 1:2:(sprintf("%d", $2)) with labels offset 0,0.8 font ",9"
set key top right box opaque
set boxwidth 0.38
set xrange [-0.6:5 - 0.4]
set xtics ("500" 0, "750" 1, "1000" 2, "1250" 3, "1500" 4) scale 0
set xlabel "mass (GeV)"
set title "per mass"
plot "fig06-imbalance-masses.dat" using ($1 - 0.2):3 with boxes lc 1 title "signal", \
     '' using ($1 + 0.2):4 with boxes lc 2 title "background", \
     '' using ($1 - 0.2):3:(sprintf("%d", $3)) with labels offset 0,0.8 font ",8" notitle
unset multiplot
unset output
