# Feature correlations with m_WWbb, mass and label (paper Fig. 5)
# Written by `bench report`. Render from this folder:
#   gnuplot fig05b-correlations-target.gp                  -> fig05b-correlations-target.svg
#   gnuplot -e "fmt='png'" fig05b-correlations-target.gp   -> fig05b-correlations-target.png
#   gnuplot -e "fmt='pdf'" fig05b-correlations-target.gp   -> fig05b-correlations-target.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 620,820 font ",10" noenhanced
    set output "fig05b-correlations-target.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 6.20in,8.20in font ",10" noenhanced
    set output "fig05b-correlations-target.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 620,820 font ",12" noenhanced
    set output "fig05b-correlations-target.svg"
}
set title "Correlation of each feature with m_WWbb, the mass and the label, HEPMASS-SIM"
set palette defined (-1 "#2166ac", -0.5 "#92c5de", 0 "#f7f7f7", 0.5 "#f4a582", 1 "#b2182b")
set cbrange [-1:1]
set cblabel "Pearson r"
set xrange [-0.5:2.5]
set yrange [27 - 0.5:-0.5]
set xtics ("m_wwbb (f26)" 0, "mass" 1, "label" 2) scale 0
set x2tics ("m_wwbb (f26)" 0, "mass" 1, "label" 2) scale 0
unset xtics
set ytics ("lep_pt" 0, "lep_eta" 1, "lep_phi" 2, "met" 3, "met_phi" 4, "n_jets" 5, "j1_pt" 6, "j1_eta" 7, "j1_phi" 8, "j1_btag" 9, "j2_pt" 10, "j2_eta" 11, "j2_phi" 12, "j2_btag" 13, "j3_pt" 14, "j3_eta" 15, "j3_phi" 16, "j3_btag" 17, "j4_pt" 18, "j4_eta" 19, "j4_phi" 20, "j4_btag" 21, "m_jj" 22, "m_jjj" 23, "m_lv" 24, "m_jlv" 25, "m_wwbb" 26) scale 0 font ",9"
unset key
plot "fig05b-correlations-target.dat" matrix with image, \
     '' matrix using 1:2:(sprintf("%.2f", abs($3) < 0.005 ? 0 : $3)) with labels font ",8"
unset output
