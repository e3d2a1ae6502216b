#!/usr/bin/env bash
# Proves a sweep on a real Slurm equals the same sweep on one machine:
# installs slurm-wlm and munge from Debian, starts a single-node cluster on
# this machine (as root: SlurmUser=root, proctrack/linuxproc, task/none),
# submits the sweep as a 3-task array job with slurm/sweep.sbatch, merges the
# shards and compares the files byte for byte with a local run; then runs an ABC
# calibration as a 2-task job with slurm/abc.sbatch and compares its posterior
# with a local one; compare --robustness as a 2-task array job, merged, against a local one;
# and entente validate on a time split as a 2-task job (slurm/validate.sbatch) against a local one.
# Run by .ci/run after the build; needs root and Debian's package archive.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/entente-slurm.XXXXXX)
ENTENTE="node $ROOT/dist/cli/main.js"
SWEEP="$ROOT/slurm/ci-sweep.yaml"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

cleanup() {
  scontrol shutdown >/dev/null 2>&1 || true
  pkill -x slurmd >/dev/null 2>&1 || true
  pkill -x slurmctld >/dev/null 2>&1 || true
  pkill -x munged >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

# munge first: Slurm authenticates through it.
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge
chmod 0700 /etc/munge && chmod 0400 /etc/munge/munge.key
runuser -u munge -- /usr/sbin/munged
munge -n | unmunge >/dev/null

HOST=$(hostname -s)
NODE_LINE=$(slurmd -C | head -1 | sed 's/ UpTime=.*//')
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=entente-ci
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MpiDefault=none
$NODE_LINE State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld
slurmd
for _ in $(seq 1 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^idle' && break
  sleep 1
done
sinfo

echo "== local sweep"
$ENTENTE sweep "$SWEEP" --out "$WORK/local" --workers 2 --quiet

echo "== the same sweep as a Slurm array job of 3 tasks"
cd "$WORK"
ENTENTE="$ENTENTE" sbatch --wait --array=1-3 --cpus-per-task=1 "$ROOT/slurm/sweep.sbatch" "$SWEEP" "$WORK/slurm"
cat "$WORK"/slurm-*.out 2>/dev/null || true
for k in 1 2 3; do
  runs=$(node -p "require('$WORK/slurm/shard-$k/manifest.json').runs")
  echo "shard $k: $runs runs"
  [ "$runs" -gt 0 ] || { echo "shard $k ran nothing: the test would prove nothing" >&2; exit 1; }
done
$ENTENTE merge "$WORK"/slurm/shard-* --out "$WORK/merged"

for f in runs.csv points.csv failures.csv sweep.json; do
  cmp "$WORK/local/$f" "$WORK/merged/$f"
done
echo "slurm: 3-task array job merged equals the local sweep ($(wc -l < "$WORK/merged/runs.csv") lines of runs.csv)"

echo "== an ABC posterior on one machine, then as a 2-task Slurm job (a round of shards per srun step)"
ABC="$ROOT/slurm/ci-abc.yaml"
ABC_ARGS=(--particles 200 --generations 3)
$ENTENTE calibrate "$ABC" --method abc --out "$WORK/abc-local" --workers 2 --quiet "${ABC_ARGS[@]}"
ENTENTE="$ENTENTE" sbatch --wait --ntasks=2 --cpus-per-task=1 --output="$WORK/slurm-abc.out" \
  "$ROOT/slurm/abc.sbatch" "$ABC" "$WORK/abc-slurm" "${ABC_ARGS[@]}"
cat "$WORK/slurm-abc.out"
steps=$(grep -c 'round 0, shard 2/2' "$WORK/slurm-abc.out" || true)
[ "$steps" -ge 3 ] || { echo "expected every generation's round 0 run as 2 shards, found $steps" >&2; exit 1; }
for f in posterior.csv generations.csv predictive.csv; do
  cmp "$WORK/abc-local/$f" "$WORK/abc-slurm/$f"
done
echo "slurm: the ABC posterior from $steps generations of shards equals the local one"

echo "== compare --robustness on one machine, then as a 2-task Slurm array job merged"
SCENARIO="$ROOT/scenarios/china-russia-2022.yaml"
PRIOR="$ROOT/slurm/ci-robustness.yaml"
ROBUST_ARGS=(--levers coerciveWedge,rewardWedge)
$ENTENTE compare "$SCENARIO" --robustness "$PRIOR" "${ROBUST_ARGS[@]}" --out "$WORK/robust-local" --workers 2 --quiet
ENTENTE="$ENTENTE" sbatch --wait --array=1-2 --cpus-per-task=1 --output="$WORK/slurm-robust-%a.out" \
  "$ROOT/slurm/robustness.sbatch" "$SCENARIO" "$PRIOR" "$WORK/robust" "${ROBUST_ARGS[@]}"
cat "$WORK"/slurm-robust-*.out 2>/dev/null || true
for k in 1 2; do
  runs=$(node -p "require('$WORK/robust/shard-$k/arms/baseline/manifest.json').runs")
  echo "shard $k: $runs baseline runs"
  [ "$runs" -gt 0 ] || { echo "shard $k ran nothing: the test would prove nothing" >&2; exit 1; }
done
$ENTENTE compare "$SCENARIO" --robustness "$PRIOR" "${ROBUST_ARGS[@]}" --merge "$WORK"/robust/shard-* --out "$WORK/robust/merged" --quiet
for f in signs.csv boxes.csv posterior/levers.csv; do
  cmp "$WORK/robust-local/$f" "$WORK/robust/merged/$f"
done
echo "slurm: compare --robustness from 2 shards equals the local one ($(wc -l < "$WORK/robust/merged/signs.csv") lines of signs.csv)"

echo "== entente validate on a time split, calibrated from scratch on one machine, then as a 2-task Slurm job"
SPLIT="$ROOT/scenarios/validation/split-dec-2023.yaml"
SPLIT_ARGS=(--particles 100 --generations 3)
$ENTENTE validate "$SPLIT" --out "$WORK/validate-local" --workers 2 --quiet "${SPLIT_ARGS[@]}"
ENTENTE="$ENTENTE" sbatch --wait --ntasks=2 --cpus-per-task=1 --output="$WORK/slurm-validate.out" \
  "$ROOT/slurm/validate.sbatch" "$SPLIT" "$WORK/validate-slurm" "${SPLIT_ARGS[@]}"
cat "$WORK/slurm-validate.out"
steps=$(grep -c 'round 0, shard 2/2' "$WORK/slurm-validate.out" || true)
[ "$steps" -ge 3 ] || { echo "expected every generation's round 0 run as 2 shards, found $steps" >&2; exit 1; }
for f in validation.csv posterior/posterior.csv; do
  cmp "$WORK/validate-local/$f" "$WORK/validate-slurm/$f"
done
echo "slurm: the split's validation from $steps generations of shards equals the local one ($(wc -l < "$WORK/validate-slurm/validation.csv") lines of validation.csv)"
