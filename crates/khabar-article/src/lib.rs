//! Raw scraped Arabic articles to fields, and Arabic date expressions.
//!
//! Not built yet: see the article-parsing issue.
