//! The error of training and reading models.

/// Why a model could not be trained or read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// A line of the training data is not `token tag` with a tag the model
    /// has (1-based line number).
    #[error("line {line}: {message}")]
    Conll {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The training data has no sentence.
    #[error("the training data has no sentences (CoNLL: one `token tag` per line, a blank line after each sentence)")]
    Empty,
    /// An option is out of range.
    #[error("{0}")]
    Option(String),
    /// The bytes are not a model file of this version.
    #[error("not a khabar tagger model (format version {version} expected)")]
    Format {
        /// The format version this build reads.
        version: u32,
    },
}
