/* The driver itself is libFuzzer's (linked by -sanitize=fuzzer); this target declares it and counts
 * the bytes the process has allocated, through the sanitizer's malloc and free hooks. */
#include "fuzzer_driver.h"

/* From the sanitizer runtime the fuzz targets link (sanitizer/allocator_interface.h). */
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *));
size_t __sanitizer_get_allocated_size(const volatile void *p);

/* Live bytes allocated since the hooks went in (blocks from before them may make it negative), and
 * the highest it reached since the last reset. */
static long long live_bytes;
static long long peak_bytes;

static void on_malloc(const volatile void *pointer, size_t size) {
    (void)pointer;
    long long now = __atomic_add_fetch(&live_bytes, (long long)size, __ATOMIC_RELAXED);
    long long peak = __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED);
    while (now > peak
           && !__atomic_compare_exchange_n(&peak_bytes, &peak, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
}

static void on_free(const volatile void *pointer) {
    if (pointer == 0) return;
    __atomic_sub_fetch(&live_bytes, (long long)__sanitizer_get_allocated_size(pointer), __ATOMIC_RELAXED);
}

void fs_fuzz_memory_start(void) {
    static int installed;
    if (!installed) {
        __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
        installed = 1;
    }
    __atomic_store_n(&peak_bytes, __atomic_load_n(&live_bytes, __ATOMIC_RELAXED), __ATOMIC_RELAXED);
}

long long fs_fuzz_memory_live(void) { return __atomic_load_n(&live_bytes, __ATOMIC_RELAXED); }

long long fs_fuzz_memory_peak(void) { return __atomic_load_n(&peak_bytes, __ATOMIC_RELAXED); }
