//! Property tests (written in a later step).
