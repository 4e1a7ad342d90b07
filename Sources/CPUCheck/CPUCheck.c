// Why this exists: the numeric targets are compiled for a specific CPU (see Package.swift).
// A binary built with AVX-512 and copied to a machine without it would die with SIGILL in
// the middle of training; instead `bench` asks here at start-up and explains what to do.
// This file is compiled with the same -march as the Swift targets' -target-cpu, so the
// predefined __AVX…__ macros describe exactly what the build may emit.
#include "CPUCheck.h"
#include <stdio.h>
#include <string.h>

#ifndef PNN_TARGET_CPU
#define PNN_TARGET_CPU "unknown"
#endif

const char *pnn_build_target_cpu(void) { return PNN_TARGET_CPU; }

typedef struct { const char *name; int compiled; int (*present)(void); } feature_t;

#if defined(__x86_64__) || defined(__i386__)
static int has_sse42(void) { return __builtin_cpu_supports("sse4.2"); }
static int has_avx(void) { return __builtin_cpu_supports("avx"); }
static int has_avx2(void) { return __builtin_cpu_supports("avx2"); }
static int has_fma(void) { return __builtin_cpu_supports("fma"); }
static int has_avx512f(void) { return __builtin_cpu_supports("avx512f"); }
static int has_avx512bw(void) { return __builtin_cpu_supports("avx512bw"); }
static int has_avx512dq(void) { return __builtin_cpu_supports("avx512dq"); }
static int has_avx512vl(void) { return __builtin_cpu_supports("avx512vl"); }

#ifdef __SSE4_2__
#define C_SSE42 1
#else
#define C_SSE42 0
#endif
#ifdef __AVX__
#define C_AVX 1
#else
#define C_AVX 0
#endif
#ifdef __AVX2__
#define C_AVX2 1
#else
#define C_AVX2 0
#endif
#ifdef __FMA__
#define C_FMA 1
#else
#define C_FMA 0
#endif
#ifdef __AVX512F__
#define C_AVX512F 1
#else
#define C_AVX512F 0
#endif
#ifdef __AVX512BW__
#define C_AVX512BW 1
#else
#define C_AVX512BW 0
#endif
#ifdef __AVX512DQ__
#define C_AVX512DQ 1
#else
#define C_AVX512DQ 0
#endif
#ifdef __AVX512VL__
#define C_AVX512VL 1
#else
#define C_AVX512VL 0
#endif

static const feature_t features[] = {
    {"sse4.2", C_SSE42, has_sse42}, {"avx", C_AVX, has_avx}, {"avx2", C_AVX2, has_avx2},
    {"fma", C_FMA, has_fma}, {"avx512f", C_AVX512F, has_avx512f},
    {"avx512bw", C_AVX512BW, has_avx512bw}, {"avx512dq", C_AVX512DQ, has_avx512dq},
    {"avx512vl", C_AVX512VL, has_avx512vl},
};
static const size_t feature_count = sizeof(features) / sizeof(features[0]);
#else
static const feature_t features[1] = {{"", 0, 0}};
static const size_t feature_count = 0;
#endif

static void append(char *buffer, size_t capacity, const char *word) {
    size_t used = strlen(buffer);
    if (used + strlen(word) + 2 > capacity) return;
    if (used > 0) strcat(buffer, " ");
    strcat(buffer, word);
}

int pnn_missing_cpu_features(char *buffer, size_t capacity) {
    int missing = 0;
    if (capacity > 0) buffer[0] = 0;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
#endif
    for (size_t i = 0; i < feature_count; i++) {
        if (features[i].compiled && !features[i].present()) {
            missing++;
            append(buffer, capacity, features[i].name);
        }
    }
    return missing;
}

void pnn_build_cpu_features(char *buffer, size_t capacity) {
    if (capacity > 0) buffer[0] = 0;
    for (size_t i = 0; i < feature_count; i++)
        if (features[i].compiled) append(buffer, capacity, features[i].name);
}

int pnn_build_has_512bit_vectors(void) {
#ifdef __AVX512F__
    return 1;
#else
    return 0;
#endif
}
