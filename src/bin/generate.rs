//! Writes a deterministic generated workspace file, for the benchmark and scale tests.
//!
//! Usage: `cultivate-generate --people 1000 --communities 20 [--organisations 5]
//! [--memberships 2] [--meetings 0] [--stories 0] [--seed 1] > workspace.json`,
//! `cultivate-generate --size S|M|L [--seed 1]` for the benchmark's named sizes, or
//! `cultivate-generate --sample` for the sample workspace.

use cultivate::model::generate::{generate, Sizes};
use cultivate::storage::format::encode_workspace;

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--sample") {
        let ws = cultivate::model::sample::sample_workspace();
        println!("{}", encode_workspace(&ws, ws.updated_at, 1, true));
        return;
    }
    let named = args
        .iter()
        .position(|a| a == "--size")
        .and_then(|i| args.get(i + 1))
        .map(|name| Sizes::named(name).ok_or(name));
    let sizes = match named {
        Some(Ok(sizes)) => sizes,
        Some(Err(name)) => {
            eprintln!("Unknown size '{name}': use S, M or L.");
            std::process::exit(2);
        }
        None => Sizes {
            organisations: arg(&args, "--organisations", 5),
            people: arg(&args, "--people", 1000),
            communities: arg(&args, "--communities", 20),
            memberships_per_person: arg(&args, "--memberships", 2),
            meetings: arg(&args, "--meetings", 0),
            stories: arg(&args, "--stories", 0),
        },
    };
    let seed = arg(&args, "--seed", 1) as u64;
    let ws = generate(seed, sizes);
    println!("{}", encode_workspace(&ws, ws.updated_at, 1, false));
}
