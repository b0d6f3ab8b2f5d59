//! placeholder: see src/model/cultivation.rs
