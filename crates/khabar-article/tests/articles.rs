//! Article fixtures (written in a later step).
