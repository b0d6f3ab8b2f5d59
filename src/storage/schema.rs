//! The JSON Schema of the file format, generated from the Rust types.
//!
//! `schema/cultivate-workspace.schema.json` and `schema/cultivate-community.schema.json`
//! are committed. The test below fails when they no longer match the types; run
//! `UPDATE_SCHEMA=1 cargo test --lib schema` to rewrite them.

#[cfg(test)]
mod tests {
    use crate::model::Workspace;
    use crate::storage::format::{CommunityBundle, Envelope};

    fn check(path: &str, schema: schemars::Schema) {
        let text = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&file, &text).expect("schema written");
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == text,
            "{path} is out of date with the Rust types; run `UPDATE_SCHEMA=1 cargo test --lib schema` and commit it"
        );
    }

    #[test]
    fn committed_workspace_schema_matches_the_types() {
        check(
            "schema/cultivate-workspace.schema.json",
            schemars::schema_for!(Envelope<Workspace>),
        );
    }

    #[test]
    fn committed_community_schema_matches_the_types() {
        check(
            "schema/cultivate-community.schema.json",
            schemars::schema_for!(Envelope<CommunityBundle>),
        );
    }
}
