# Figure 15: class separation and best cut
# Written by `bench report`. Render from this folder:
#   gnuplot fig15-class-separation.gp                  -> fig15-class-separation.svg
#   gnuplot -e "fmt='png'" fig15-class-separation.gp   -> fig15-class-separation.png
#   gnuplot -e "fmt='pdf'" fig15-class-separation.gp   -> fig15-class-separation.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1800,765 font ",10" noenhanced
    set output "fig15-class-separation.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 18.00in,7.65in font ",10" noenhanced
    set output "fig15-class-separation.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1800,765 font ",12" noenhanced
    set output "fig15-class-separation.svg"
}
set encoding utf8
set grid lc rgb "#dddddd" lw 1
set border lw 1
set key opaque box lw 0.5 samplen 2 spacing 1.1
set multiplot title "Figure 15: class separation on HEPMASS-IMB (simulated: HEPMASS-SIM) — score histograms and significance" font ",13"
set style fill transparent solid 0.35 noborder
set style textbox opaque noborder
# ── legend strip
set lmargin at screen 0.04444444; set rmargin at screen 0.9611111
set tmargin at screen 0.9503268; set bmargin at screen 0.9058824
unset border; unset tics; unset grid
set xrange [0:1]; set yrange [0:1]
set key center center horizontal maxrows 1 font ",10" samplen 2.5 width -4 noopaque nobox
plot NaN with boxes fc rgb "#555555" title "background (balanced)", NaN with boxes fc rgb "#1f77b4" title "signal, pNN (uniform, sampled)", NaN with boxes fc rgb "#ff7f0e" title "signal, Affine (identical, sampled)", NaN with lines lw 2 lc rgb "#000000" title "AMS(t)/√s_max (right axis)", NaN with lines dt 2 lw 1.5 lc rgb "#000000" title "best cut t*"
unset key
set border; set grid
set boxwidth 0.02 absolute
# Enhanced text from here on: superscript powers of ten, subscripts in s_max and σ_ratio.
set termoption enhanced
set logscale y
set yrange [0.1:19952.62]
set xrange [0:1]
set xtics 0, 0.2, 0.8 nomirror
set y2range [0:1.05]
set y2tics 0.2 nomirror
set ytics nomirror

# ── fig15/pnn-uniform-sampled, 500 GeV
set lmargin at screen 0.04444444; set rmargin at screen 0.2181778
set tmargin at screen 0.8562092; set bmargin at screen 0.4934641
set title "pNN (uniform, sampled), m = 500 GeV" font ",10"
unset xlabel
set format x ""
set ylabel "weighted events per bin"
set format y "10^{%L}"
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.1, graph 0 to 0.1, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.10, σ_{ratio} = 0.707" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 0 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 0 using 1:2 with boxes fc rgb "#1f77b4" notitle, \
     "" index 0 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/pnn-uniform-sampled, 750 GeV
set lmargin at screen 0.2301778; set rmargin at screen 0.4039111
set tmargin at screen 0.8562092; set bmargin at screen 0.4934641
set title "pNN (uniform, sampled), m = 750 GeV" font ",10"
unset xlabel
set format x ""
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.16, graph 0 to 0.16, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.16, σ_{ratio} = 0.802" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 1 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 1 using 1:2 with boxes fc rgb "#1f77b4" notitle, \
     "" index 1 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/pnn-uniform-sampled, 1000 GeV
set lmargin at screen 0.4159111; set rmargin at screen 0.5896444
set tmargin at screen 0.8562092; set bmargin at screen 0.4934641
set title "pNN (uniform, sampled), m = 1000 GeV" font ",10"
unset xlabel
set format x ""
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.14, graph 0 to 0.14, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.14, σ_{ratio} = 0.875" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 2 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 2 using 1:2 with boxes fc rgb "#1f77b4" notitle, \
     "" index 2 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/pnn-uniform-sampled, 1250 GeV
set lmargin at screen 0.6016444; set rmargin at screen 0.7753778
set tmargin at screen 0.8562092; set bmargin at screen 0.4934641
set title "pNN (uniform, sampled), m = 1250 GeV" font ",10"
unset xlabel
set format x ""
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.14, graph 0 to 0.14, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.14, σ_{ratio} = 0.914" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 3 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 3 using 1:2 with boxes fc rgb "#1f77b4" notitle, \
     "" index 3 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/pnn-uniform-sampled, 1500 GeV
set lmargin at screen 0.7873778; set rmargin at screen 0.9611111
set tmargin at screen 0.8562092; set bmargin at screen 0.4934641
set title "pNN (uniform, sampled), m = 1500 GeV" font ",10"
unset xlabel
set format x ""
unset ylabel
set format y ""
set y2label "AMS(t) / √s_{max}"
set format y2 "%.1f"
unset arrow
unset label
set arrow from 0.12, graph 0 to 0.12, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.12, σ_{ratio} = 0.935" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 4 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 4 using 1:2 with boxes fc rgb "#1f77b4" notitle, \
     "" index 4 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/affine-identical-sampled, 500 GeV
set lmargin at screen 0.04444444; set rmargin at screen 0.2181778
set tmargin at screen 0.4346405; set bmargin at screen 0.07189542
set title "Affine (identical, sampled), m = 500 GeV" font ",10"
set xlabel "classifier score (cut t)"
set format x "%.1f"
set ylabel "weighted events per bin"
set format y "10^{%L}"
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.26, graph 0 to 0.26, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.26, σ_{ratio} = 0.711" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 5 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 5 using 1:2 with boxes fc rgb "#ff7f0e" notitle, \
     "" index 5 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/affine-identical-sampled, 750 GeV
set lmargin at screen 0.2301778; set rmargin at screen 0.4039111
set tmargin at screen 0.4346405; set bmargin at screen 0.07189542
set title "Affine (identical, sampled), m = 750 GeV" font ",10"
set xlabel "classifier score (cut t)"
set format x "%.1f"
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.12, graph 0 to 0.12, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.12, σ_{ratio} = 0.829" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 6 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 6 using 1:2 with boxes fc rgb "#ff7f0e" notitle, \
     "" index 6 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/affine-identical-sampled, 1000 GeV
set lmargin at screen 0.4159111; set rmargin at screen 0.5896444
set tmargin at screen 0.4346405; set bmargin at screen 0.07189542
set title "Affine (identical, sampled), m = 1000 GeV" font ",10"
set xlabel "classifier score (cut t)"
set format x "%.1f"
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.04, graph 0 to 0.04, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.04, σ_{ratio} = 0.896" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 7 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 7 using 1:2 with boxes fc rgb "#ff7f0e" notitle, \
     "" index 7 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/affine-identical-sampled, 1250 GeV
set lmargin at screen 0.6016444; set rmargin at screen 0.7753778
set tmargin at screen 0.4346405; set bmargin at screen 0.07189542
set title "Affine (identical, sampled), m = 1250 GeV" font ",10"
set xlabel "classifier score (cut t)"
set format x "%.1f"
unset ylabel
set format y ""
unset y2label
set format y2 ""
unset arrow
unset label
set arrow from 0.02, graph 0 to 0.02, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.02, σ_{ratio} = 0.933" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 8 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 8 using 1:2 with boxes fc rgb "#ff7f0e" notitle, \
     "" index 8 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

# ── fig15/affine-identical-sampled, 1500 GeV
set lmargin at screen 0.7873778; set rmargin at screen 0.9611111
set tmargin at screen 0.4346405; set bmargin at screen 0.07189542
set title "Affine (identical, sampled), m = 1500 GeV" font ",10"
set xlabel "classifier score (cut t)"
set format x "%.1f"
unset ylabel
set format y ""
set y2label "AMS(t) / √s_{max}"
set format y2 "%.1f"
unset arrow
unset label
set arrow from 0.02, graph 0 to 0.02, graph 1 nohead dt 2 lw 1.5 lc rgb "#000000"
set label "t* = 0.02, σ_{ratio} = 0.950" at graph 0.97, graph 0.93 right font ",8" boxed front
plot "fig15-class-separation.dat" index 9 using 1:3 with boxes fc rgb "#555555" notitle, \
     "" index 9 using 1:2 with boxes fc rgb "#ff7f0e" notitle, \
     "" index 9 using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle
unset multiplot
unset output
