#ifndef PNN_CPUCHECK_H
#define PNN_CPUCHECK_H
#include <stddef.h>

/// The target CPU this package was compiled for (PNNBENCH_TARGET_CPU, default "native").
const char *pnn_build_target_cpu(void);

/// Instruction-set extensions this build uses that the running CPU lacks, written as a
/// space-separated list into `buffer`. Returns how many are missing (0: safe to run).
int pnn_missing_cpu_features(char *buffer, size_t capacity);

/// Space-separated list of the instruction-set extensions the build was compiled with.
void pnn_build_cpu_features(char *buffer, size_t capacity);

/// 1 when the build may emit 512-bit vector instructions (__AVX512F__): a SIMD16<Float>
/// is then one of 32 registers. Otherwise 0 (e.g. AVX2: two of 16 ymm registers).
int pnn_build_has_512bit_vectors(void);

#endif
