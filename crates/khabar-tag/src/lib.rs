//! Named-entity tagging, gazetteers and linking for Arabic news.
//!
//! Not built yet: see the entity-tagging issue.
