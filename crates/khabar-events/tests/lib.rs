//! Integration tests of khabar-events.

mod event_rules;
