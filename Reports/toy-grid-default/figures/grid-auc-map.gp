# Two parameters (mX, width): four points around the centre of the grid left out of training, tested on all 15 points
# Written by `bench report`. Render from this folder:
#   gnuplot grid-auc-map.gp                  -> grid-auc-map.svg
#   gnuplot -e "fmt='png'" grid-auc-map.gp   -> grid-auc-map.png
#   gnuplot -e "fmt='pdf'" grid-auc-map.gp   -> grid-auc-map.pdf
if (!exists("fmt")) fmt = "svg"
if (fmt eq "png") {
    set terminal pngcairo size 1380,860 font ",10" noenhanced
    set output "grid-auc-map.png"
}
if (fmt eq "pdf") {
    set terminal pdfcairo size 13.80in,8.60in font ",10" noenhanced
    set output "grid-auc-map.pdf"
}
if (fmt eq "svg") {
    set terminal svg size 1380,860 font ",12" noenhanced
    set output "grid-auc-map.svg"
}
set encoding utf8
set palette defined (0 "#ffffd9", 1 "#c7e9b4", 2 "#7fcdbb", 3 "#41b6c4")
set cbrange [0.2078217:0.9857744]
set format cb "%.2f"
set cblabel "ROC-AUC"
set xrange [300:1300]
set yrange [0.004999999:0.125]
set xtics ("400" 400, "600" 600, "800" 800, "1000" 1000, "1200" 1200)
set ytics ("0.02" 0.02, "0.05" 0.05, "0.1" 0.1)
set xlabel "mX"
set ylabel "width"
unset key
set style fill solid 1.0 noborder
set multiplot layout 2,3 title "Two parameters (mX, width): four points around the centre of the grid left out of training, tested on all 15 points\nmean ROC-AUC over the (mX, width) grid on toy-mass-width" font ",13"
set title "pNN Identical (sampled)" font ",11"
plot "grid-auc-map.dat" using ($7 == $7 ? $1 : NaN):2:3:4:5:6:7 with boxxyerror lc palette, \
     "" using ($10 > 0 ? $1 : NaN):2:($1 - 0.92 * ($1 - $3)):($1 + 0.92 * ($4 - $1)):($2 - 0.9 * ($2 - $5)):($2 + 0.9 * ($6 - $2)) with boxxyerror lc rgb "#000000" lw 2.5 dt 2 fs empty, \
     "" using ($7 == $7 ? $1 : NaN):2:($9 > 1 ? sprintf("%.3f%s\n±%.3f", $7, ($10 > 0 ? "*" : ""), $8) : sprintf("%.3f%s", $7, ($10 > 0 ? "*" : ""))) with labels font ",10"
set title "pNN Uniform (sampled)" font ",11"
plot "grid-auc-map.dat" using ($11 == $11 ? $1 : NaN):2:3:4:5:6:11 with boxxyerror lc palette, \
     "" using ($14 > 0 ? $1 : NaN):2:($1 - 0.92 * ($1 - $3)):($1 + 0.92 * ($4 - $1)):($2 - 0.9 * ($2 - $5)):($2 + 0.9 * ($6 - $2)) with boxxyerror lc rgb "#000000" lw 2.5 dt 2 fs empty, \
     "" using ($11 == $11 ? $1 : NaN):2:($13 > 1 ? sprintf("%.3f%s\n±%.3f", $11, ($14 > 0 ? "*" : ""), $12) : sprintf("%.3f%s", $11, ($14 > 0 ? "*" : ""))) with labels font ",10"
set title "Affine Identical (sampled)" font ",11"
plot "grid-auc-map.dat" using ($15 == $15 ? $1 : NaN):2:3:4:5:6:15 with boxxyerror lc palette, \
     "" using ($18 > 0 ? $1 : NaN):2:($1 - 0.92 * ($1 - $3)):($1 + 0.92 * ($4 - $1)):($2 - 0.9 * ($2 - $5)):($2 + 0.9 * ($6 - $2)) with boxxyerror lc rgb "#000000" lw 2.5 dt 2 fs empty, \
     "" using ($15 == $15 ? $1 : NaN):2:($17 > 1 ? sprintf("%.3f%s\n±%.3f", $15, ($18 > 0 ? "*" : ""), $16) : sprintf("%.3f%s", $15, ($18 > 0 ? "*" : ""))) with labels font ",10"
set title "Affine Uniform (sampled)" font ",11"
plot "grid-auc-map.dat" using ($19 == $19 ? $1 : NaN):2:3:4:5:6:19 with boxxyerror lc palette, \
     "" using ($22 > 0 ? $1 : NaN):2:($1 - 0.92 * ($1 - $3)):($1 + 0.92 * ($4 - $1)):($2 - 0.9 * ($2 - $5)):($2 + 0.9 * ($6 - $2)) with boxxyerror lc rgb "#000000" lw 2.5 dt 2 fs empty, \
     "" using ($19 == $19 ? $1 : NaN):2:($21 > 1 ? sprintf("%.3f%s\n±%.3f", $19, ($22 > 0 ? "*" : ""), $20) : sprintf("%.3f%s", $19, ($22 > 0 ? "*" : ""))) with labels font ",10"
unset multiplot
unset output
