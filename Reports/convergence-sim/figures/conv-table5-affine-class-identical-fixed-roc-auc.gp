# Affine (class) | Identical (fixed), ROC-AUC vs budget (/work/main/Baselines/paper/table5.yaml)
# Written by `bench report`. Render from this folder:
#   gnuplot conv-table5-affine-class-identical-fixed-roc-auc.gp                  -> conv-table5-affine-class-identical-fixed-roc-auc.svg
#   gnuplot -e "fmt='png'" conv-table5-affine-class-identical-fixed-roc-auc.gp   -> conv-table5-affine-class-identical-fixed-roc-auc.png
#   gnuplot -e "fmt='pdf'" conv-table5-affine-class-identical-fixed-roc-auc.gp   -> conv-table5-affine-class-identical-fixed-roc-auc.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1100,750 font ",10" noenhanced
    set output "conv-table5-affine-class-identical-fixed-roc-auc.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 11.00in,7.50in font ",10" noenhanced
    set output "conv-table5-affine-class-identical-fixed-roc-auc.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1100,750 font ",12" noenhanced
    set output "conv-table5-affine-class-identical-fixed-roc-auc.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
unset pointintervalbox
set multiplot layout 2,3 title "Table 5 · Affine (class) | Identical (fixed) · ROC-AUC vs training budget" font ",12" margins 0.07,0.98,0.09333333,0.8933333 spacing 0.06,0.1466667
set logscale x
set xrange [14400:3.281250e+08]
set xtics ("smoke\n36k" 36000, "default\n1.2M" 1200000, "medium\n7.5M" 7500000, "large\n36M" 3.600000e+07, "paper\n131M" 1.312500e+08) font ",8"
set mxtics 1
set xlabel "training event-epochs B (log scale)" offset 0,-0.5
set format y "%.1f"

# ── panel 1: 500 GeV
set title "500 GeV"
set yrange [46.5:82]
set ylabel "ROC-AUC (%)"
set key top left opaque box font ",8"
plot 77.19 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 0 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"

# ── panel 2: 750 GeV
set title "750 GeV"
set yrange [55:97]
unset ylabel
unset key
plot 92.64 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 1 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"

# ── panel 3: 1000 GeV
set title "1000 GeV"
set yrange [53.5:102]
unset ylabel
unset key
plot 97.46 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 2 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"

# ── panel 4: 1250 GeV
set title "1250 GeV"
set yrange [46.5:104]
set ylabel "ROC-AUC (%)"
unset key
plot 98.88 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 3 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"

# ── panel 5: 1500 GeV
set title "1500 GeV"
set yrange [38.5:105.5]
unset ylabel
unset key
plot 99.42 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 4 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"

# ── panel 6: average
set title "average"
set yrange [48.5:98]
unset ylabel
unset key
plot 93.12 with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "#ff7f0e" title "ours, mean ± 1 sd", \
     "conv-table5-affine-class-identical-fixed-roc-auc.dat" index 5 using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "#d62728" title "budget-limited"
unset multiplot
unset output
