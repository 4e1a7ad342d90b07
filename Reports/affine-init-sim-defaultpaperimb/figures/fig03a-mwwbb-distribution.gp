# m_WWbb per mass against the background (paper Fig. 3a)
# Written by `bench report`. Render from this folder:
#   gnuplot fig03a-mwwbb-distribution.gp                  -> fig03a-mwwbb-distribution.svg
#   gnuplot -e "fmt='png'" fig03a-mwwbb-distribution.gp   -> fig03a-mwwbb-distribution.png
#   gnuplot -e "fmt='pdf'" fig03a-mwwbb-distribution.gp   -> fig03a-mwwbb-distribution.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 800,560 font ",10" noenhanced
    set output "fig03a-mwwbb-distribution.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 8.00in,5.60in font ",10" noenhanced
    set output "fig03a-mwwbb-distribution.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 800,560 font ",12" noenhanced
    set output "fig03a-mwwbb-distribution.svg"
}
set title "m_WWbb (f26) per signal mass and background, HEPMASS-SIM training set"
set xlabel "m_WWbb (f26, standardised as stored)"
set ylabel "normalised density"
set key top right box opaque
set grid lc rgb "#dddddd"
set yrange [0:*]
plot "fig03a-mwwbb-distribution.dat" using 1:2 with histeps lw 3 lc rgb "#7f7f7f" title "background", \
     '' using 1:3 with histeps lw 2 lc rgb "#1f77b4" title "signal m_X = 500 GeV", \
     '' using 1:4 with histeps lw 2 lc rgb "#ff7f0e" title "signal m_X = 750 GeV", \
     '' using 1:5 with histeps lw 2 lc rgb "#2ca02c" title "signal m_X = 1000 GeV", \
     '' using 1:6 with histeps lw 2 lc rgb "#d62728" title "signal m_X = 1250 GeV", \
     '' using 1:7 with histeps lw 2 lc rgb "#9467bd" title "signal m_X = 1500 GeV"
unset output
