# Sourced by run.sh and ab.sh: the machine's steal, the CPU time the hypervisor gave to other
# guests, from /proc/stat's cpu line (user nice system idle iowait irq softirq steal). On a shared
# VM it moves the latency tail (runs of one build at 5-16 % steal gave p99 up to twice that of
# runs at 1-2 %), so every row reports it.
#   t0=$(ticks); ...; steal_since "$t0"   # prints the steal in percent of all CPU time since t0
ticks() { awk '/^cpu / {t = 0; for (i = 2; i <= 9; i++) t += $i; print $9, t}' /proc/stat; }
steal_since() { # the parentheses keep awk from reading the ternary's > as a redirection
  echo "$1 $(ticks)" | awk '{d = $4 - $2; printf "%.1f", (d > 0 ? 100 * ($3 - $1) / d : 0)}'
}
