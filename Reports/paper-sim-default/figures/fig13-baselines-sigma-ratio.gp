# Figure 13: σ_ratio vs mass of the baselines
# Written by `bench report`. Render from this folder:
#   gnuplot fig13-baselines-sigma-ratio.gp                  -> fig13-baselines-sigma-ratio.svg
#   gnuplot -e "fmt='png'" fig13-baselines-sigma-ratio.gp   -> fig13-baselines-sigma-ratio.png
#   gnuplot -e "fmt='pdf'" fig13-baselines-sigma-ratio.gp   -> fig13-baselines-sigma-ratio.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 860,640 font ",10" noenhanced
    set output "fig13-baselines-sigma-ratio.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 8.60in,6.40in font ",10" noenhanced
    set output "fig13-baselines-sigma-ratio.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 860,640 font ",12" noenhanced
    set output "fig13-baselines-sigma-ratio.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set title "Figure 13: σ_ratio of the baselines on HEPMASS-IMB (simulated: HEPMASS-SIM)" font ",13"
set xrange [375:1625]
set xtics ("500" 500, "750" 750, "1000" 1000, "1250" 1250, "1500" 1500)
set mxtics 1
set xlabel "signal mass m (GeV)"
set ylabel "σ_ratio = max_t AMS(t) / √s_max"
set yrange [0.65:1.0]
set format y "%.2f"
set bmargin 8
set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 3 Left reverse font ",10" width 1
set arrow from graph 0, first 0.7071068 to graph 1, first 0.7071068 nohead dt 3 lc rgb "#999999"
set label "no separation (1/√2)" at graph 0.02, first 0.7071068 offset 0, 0.6 textcolor rgb "#777777" font ",9"
plot "fig13-baselines-sigma-ratio.dat" using ($1 - 15):8:9 with yerrorbars pt -1 lw 1.5 lc rgb "#7f7f7f" notitle, \
     "" using 1:14:15 with yerrorbars pt -1 lw 1.5 lc rgb "#2ca02c" notitle, \
     "" using ($1 + 15):20:21 with yerrorbars pt -1 lw 1.5 lc rgb "#1f77b4" notitle, \
     "" using ($1 - 15):8 with linespoints lw 2 pt 7 ps 1 lc rgb "#7f7f7f" title "Single-NN (50 binned cuts)", \
     "" using ($1 - 15):11 with linespoints lw 1.5 dt 2 pt 6 ps 0.8 lc rgb "#7f7f7f" title "Single-NN (every cut)", \
     "" using 1:14 with linespoints lw 2 pt 7 ps 1 lc rgb "#2ca02c" title "Individual-NNs (50 binned cuts)", \
     "" using 1:17 with linespoints lw 1.5 dt 2 pt 6 ps 0.8 lc rgb "#2ca02c" title "Individual-NNs (every cut)", \
     "" using ($1 + 15):20 with linespoints lw 2 pt 7 ps 1 lc rgb "#1f77b4" title "pNN, Identical (fixed) (50 binned cuts)", \
     "" using ($1 + 15):23 with linespoints lw 1.5 dt 2 pt 6 ps 0.8 lc rgb "#1f77b4" title "pNN, Identical (fixed) (every cut)"
unset output
