# gnuplot script for bench/run.sh: vocabcount throughput (MB/s) against thread
# count on the english input. Called with -e "data='…'; out='….png'; columns=N; input='…'".
if (strstrt(GPVAL_TERMINALS, "pngcairo") > 0) {
  set terminal pngcairo size 800,500 font ",11"
} else {
  set terminal png size 800,500
}
set output out
set title sprintf("vocabcount on %s: throughput against threads (medians)", input)
set xlabel "threads (-j)"
set ylabel "MB/s (10^6 bytes/s)"
set yrange [0:*]
set xtics 1
set autoscale xfix
set offsets 0.25, 0.25, graph 0.1, 0
set key top left autotitle columnhead
set grid ytics
plot for [i=2:columns] data using 1:i with linespoints linewidth 2 pointtype 7
