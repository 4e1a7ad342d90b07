# Figure 13: ROC and PR curves of the baselines
# Written by `bench report`. Render from this folder:
#   gnuplot fig13-baselines-roc-pr.gp                  -> fig13-baselines-roc-pr.svg
#   gnuplot -e "fmt='png'" fig13-baselines-roc-pr.gp   -> fig13-baselines-roc-pr.png
#   gnuplot -e "fmt='pdf'" fig13-baselines-roc-pr.gp   -> fig13-baselines-roc-pr.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1690,720 font ",10" noenhanced
    set output "fig13-baselines-roc-pr.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 16.90in,7.20in font ",10" noenhanced
    set output "fig13-baselines-roc-pr.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1690,720 font ",12" noenhanced
    set output "fig13-baselines-roc-pr.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
set multiplot title "Figure 13: baselines on HEPMASS-IMB (simulated: HEPMASS-SIM), ROC and precision-recall curves" font ",13"
set key bottom right font ",9" samplen 1.5 width -6
set size ratio 0

# ── 500 GeV
set lmargin at screen 0.04142012; set rmargin at screen 0.2111361
set tmargin at screen 0.88; set bmargin at screen 0.52
set title "m = 500 GeV"
set xrange [0:1]; set yrange [0:1.0]
set xtics 0, 0.2, 0.8; set ytics 0.2
set format x "%.1f"
set xlabel "background efficiency ε_b (FPR)"
set ylabel "signal efficiency ε_s (TPR)"
set format y "%.1f"
plot "fig13-baselines-roc-pr-fig13-single-roc.dat" index 0 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.536)", \
     "fig13-baselines-roc-pr-fig13-individual-roc.dat" index 0 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.726)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-roc.dat" index 0 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.524)", \
     x with lines dt 3 lc rgb "#999999" notitle
set tmargin at screen 0.42; set bmargin at screen 0.08
unset title
set xlabel "recall ε_s"
set yrange [0:1.02]
set key bottom left
set ylabel "precision"
set format y "%.1f"
plot "fig13-baselines-roc-pr-fig13-single-pr.dat" index 0 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.480)", \
     "fig13-baselines-roc-pr-fig13-individual-pr.dat" index 0 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.682)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-pr.dat" index 0 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.474)"
set key bottom right

# ── 750 GeV
set lmargin at screen 0.2361361; set rmargin at screen 0.4058521
set tmargin at screen 0.88; set bmargin at screen 0.52
set title "m = 750 GeV"
set xrange [0:1]; set yrange [0:1.0]
set xtics 0, 0.2, 0.8; set ytics 0.2
set format x "%.1f"
set xlabel "background efficiency ε_b (FPR)"
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-roc.dat" index 1 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.837)", \
     "fig13-baselines-roc-pr-fig13-individual-roc.dat" index 1 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.921)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-roc.dat" index 1 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.841)", \
     x with lines dt 3 lc rgb "#999999" notitle
set tmargin at screen 0.42; set bmargin at screen 0.08
unset title
set xlabel "recall ε_s"
set yrange [0:1.02]
set key bottom left
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-pr.dat" index 1 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.790)", \
     "fig13-baselines-roc-pr-fig13-individual-pr.dat" index 1 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.885)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-pr.dat" index 1 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.776)"
set key bottom right

# ── 1000 GeV
set lmargin at screen 0.4308521; set rmargin at screen 0.600568
set tmargin at screen 0.88; set bmargin at screen 0.52
set title "m = 1000 GeV"
set xrange [0:1]; set yrange [0:1.0]
set xtics 0, 0.2, 0.8; set ytics 0.2
set format x "%.1f"
set xlabel "background efficiency ε_b (FPR)"
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-roc.dat" index 2 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.910)", \
     "fig13-baselines-roc-pr-fig13-individual-roc.dat" index 2 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.955)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-roc.dat" index 2 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.934)", \
     x with lines dt 3 lc rgb "#999999" notitle
set tmargin at screen 0.42; set bmargin at screen 0.08
unset title
set xlabel "recall ε_s"
set yrange [0:1.02]
set key bottom left
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-pr.dat" index 2 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.891)", \
     "fig13-baselines-roc-pr-fig13-individual-pr.dat" index 2 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.935)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-pr.dat" index 2 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.912)"
set key bottom right

# ── 1250 GeV
set lmargin at screen 0.625568; set rmargin at screen 0.795284
set tmargin at screen 0.88; set bmargin at screen 0.52
set title "m = 1250 GeV"
set xrange [0:1]; set yrange [0:1.0]
set xtics 0, 0.2, 0.8; set ytics 0.2
set format x "%.1f"
set xlabel "background efficiency ε_b (FPR)"
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-roc.dat" index 3 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.911)", \
     "fig13-baselines-roc-pr-fig13-individual-roc.dat" index 3 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.960)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-roc.dat" index 3 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.964)", \
     x with lines dt 3 lc rgb "#999999" notitle
set tmargin at screen 0.42; set bmargin at screen 0.08
unset title
set xlabel "recall ε_s"
set yrange [0:1.02]
set key bottom left
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-pr.dat" index 3 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.878)", \
     "fig13-baselines-roc-pr-fig13-individual-pr.dat" index 3 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.950)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-pr.dat" index 3 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.951)"
set key bottom right

# ── 1500 GeV
set lmargin at screen 0.820284; set rmargin at screen 0.99
set tmargin at screen 0.88; set bmargin at screen 0.52
set title "m = 1500 GeV"
set xrange [0:1]; set yrange [0:1.0]
set xtics 0, 0.2, 0.8; set ytics 0.2
set format x "%.1f"
set xlabel "background efficiency ε_b (FPR)"
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-roc.dat" index 4 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.876)", \
     "fig13-baselines-roc-pr-fig13-individual-roc.dat" index 4 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.947)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-roc.dat" index 4 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.976)", \
     x with lines dt 3 lc rgb "#999999" notitle
set tmargin at screen 0.42; set bmargin at screen 0.08
unset title
set xlabel "recall ε_s"
set yrange [0:1.02]
set key bottom left
unset ylabel
set format y ""
plot "fig13-baselines-roc-pr-fig13-single-pr.dat" index 4 using 1:2 with lines lw 2 lc rgb "#7f7f7f" title "Single-NN (AUC 0.811)", \
     "fig13-baselines-roc-pr-fig13-individual-pr.dat" index 4 using 1:2 with lines lw 2 lc rgb "#2ca02c" title "Individual-NNs (AUC 0.950)", \
     "fig13-baselines-roc-pr-fig13-pnn-identical-fixed-pr.dat" index 4 using 1:2 with lines lw 2 lc rgb "#1f77b4" title "pNN, Identical (fixed) (AUC 0.965)"
set key bottom right
unset multiplot
unset output
