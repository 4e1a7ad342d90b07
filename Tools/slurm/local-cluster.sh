#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for testing `bench submit slurm` (CI) or
# trying it on a laptop. Needs root and Debian's packages:
#   apt-get install slurmctld slurmd slurm-client munge
#
#   Tools/slurm/local-cluster.sh start [DIR]   # config, state and logs in DIR (default /tmp/pnnbench-slurm)
#   export SLURM_CONF=DIR/slurm.conf            # what `start` prints; sbatch/squeue/scontrol read it
#   Tools/slurm/local-cluster.sh stop [DIR]
#
# The node is called "localhost" and slurmd is started with -N localhost, so nothing
# depends on the host name. No systemd and no cgroups are needed: the daemons are started
# by hand, with proctrack/linuxproc and task/none. Accounting is off (sacct does not
# work; use squeue and `scontrol show job`). /etc/slurm is not touched.
set -euo pipefail

command=${1:-}
dir=${2:-/tmp/pnnbench-slurm}
conf="$dir/slurm.conf"

start() {
  # Live daemons only (--runstates leaves out zombies that no one has reaped).
  local running
  running=$(echo $(pgrep --runstates D,R,S -x slurmctld; pgrep --runstates D,R,S -x slurmd))
  if [ -n "$running" ]; then
    echo "a slurmctld or slurmd is already running (pids: $running); stop it first" >&2
    return 1
  fi
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  # munged refuses to run as root and wants its run and log folders owned by munge.
  if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
    runuser -u munge -- /usr/sbin/munged
  fi
  local cpus memory
  cpus=$(nproc)
  # RealMemory must not exceed what the machine has; leave 1 GiB for the system.
  memory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) - 1024 ))
  cat > "$conf" <<CONF
ClusterName=pnnbench
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  /usr/sbin/slurmctld -f "$conf"
  /usr/sbin/slurmd -f "$conf" -N localhost
  # Up when the node is idle (a few seconds).
  for _ in $(seq 1 60); do
    if SLURM_CONF="$conf" sinfo -h -N -o '%T' 2>/dev/null | grep -qx idle; then
      echo "Slurm is up: one node (localhost, $cpus CPUs, $memory MB). export SLURM_CONF=$conf"
      return 0
    fi
    sleep 0.5
  done
  echo "Slurm did not come up; logs in $dir/log" >&2
  tail -n 20 "$dir/log/"*.log >&2 || true
  return 1
}

stop() {
  SLURM_CONF="$conf" scancel --user=root 2>/dev/null || true
  # The daemons started with this configuration (their pid files may be gone with DIR).
  pkill -f -- "-f $conf" 2>/dev/null || true
  for _ in $(seq 1 20); do pgrep -f -- "-f $conf" >/dev/null || break; sleep 0.25; done
  echo "Slurm stopped (munged left running)"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
