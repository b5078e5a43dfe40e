//! What the benchmarks share: timing a closure repeatedly.

use std::time::{Duration, Instant};

/// Runs `f` `n` times and returns the median and the fastest time.
pub fn time<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[n / 2], times[0])
}
