//! Integration tests of khabar-events.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::format_push_string)]

mod event_rules;
