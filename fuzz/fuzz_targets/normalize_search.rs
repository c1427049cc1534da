//! Fuzz target `normalize_search`: any UTF-8 input keeps the properties of
//! `khabar::invariants::check_target("normalize_search", _)`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(Err(e)) = khabar::invariants::check_target("normalize_search", text) {
            panic!("normalize_search: {e}");
        }
    }
});
