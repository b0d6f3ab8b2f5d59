//! Prints the JSON Schema of a Cultivate workspace file, generated from the Rust types.
//! `cargo run --features schema --bin cultivate-schema > schema/cultivate-workspace.schema.json`

use cultivate::model::Workspace;
use cultivate::storage::format::Envelope;

fn main() {
    let schema = schemars::schema_for!(Envelope<Workspace>);
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("could not write the schema: {e}");
            std::process::exit(1);
        }
    }
}
