//! podlife reads Kubernetes node logs (syslog, journal or klog files) and reconstructs the
//! lifecycle of every pod in them from the kubelet's lines.
//!
//! The engine is plain Rust with no browser dependency. Bytes go in through
//! [`analysis::Analyzer`] in chunks of any size. [`input`] splits them into lines and parses each
//! line's wrapper and klog header. [`message`] reads the kubelet message, which is then matched
//! against the rule table ([`rules`], data in `src/rules/builtin.json`). [`analysis::Analyzer::analysis`] then attributes
//! every event to its pod and gives an [`analysis::Analysis`]. The [`timeline`] module turns one
//! pod's events into seconds, a layout and a standalone SVG; [`export`] writes JSON lines, CSV and
//! text. The CLI (`src/bin/podlife`) and the page (`ui`, WebAssembly only) are consumers.
//!
//! ```
//! use podlife::analysis::Analyzer;
//! use podlife::level::LevelSet;
//! use podlife::rules::RuleSet;
//! use podlife::timeline::aggregate;
//!
//! let log = "Jul 17 20:31:39 node-a kubelet: I0717 20:31:39.569363   23774 prober.go:106] \
//!     Readiness probe for \"shop-1_default(cc41426a-d0d0-102d-8cef-fde27a7e92d9):app\" \
//!     failed (failure): connection refused\n";
//! let mut analyzer = Analyzer::new(RuleSet::builtin());
//! let file = analyzer.begin_file("messages", 2018);
//! analyzer.push(file, log.as_bytes());
//! analyzer.end_file(file);
//!
//! let analysis = analyzer.analysis();
//! let pods = analysis.find_pods("default/shop-1");
//! let seconds = aggregate(analysis.events_of(&pods), LevelSet::DEFAULT);
//! assert_eq!(seconds[0].iso(), "2018-07-17T20:31:39");
//! assert_eq!(seconds[0].level.name(), "Warning");
//! assert_eq!(seconds[0].kinds[0].0.name(), "ReadinessProbeFailed");
//! ```

pub mod analysis;
pub mod export;
pub mod i18n;
pub mod input;
pub mod kind;
pub mod level;
pub mod message;
pub mod rules;
pub mod time;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod worker;
