#!/usr/bin/env bash
# Grading a large class on a Slurm cluster: task I of the array grades shard I of N; a dependent job merges.
#   jid=$(sbatch --parsable examples/batch/slurm-array.sh rubric.yaml submissions/ out/)
#   sbatch --dependency=afterok:$jid --wrap "./derivcheck grade merge --rubric rubric.yaml --out out/all out/shard-*"
# The split is stable (shard = SHA-256(submission id) mod N): resubmitting one failed task redoes only its part.
#SBATCH --job-name=derivcheck-grade
#SBATCH --array=0-19
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
set -euo pipefail
rubric="$1" subs="$2" out="$3"
n=$(( SLURM_ARRAY_TASK_MAX + 1 ))
./derivcheck grade --rubric "$rubric" --submissions "$subs" --threads "${SLURM_CPUS_PER_TASK:-2}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${n}" --out "${out}/shard-${SLURM_ARRAY_TASK_ID}"
