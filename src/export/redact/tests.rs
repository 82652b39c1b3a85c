//! Redaction of whole lines and analyses: the rules together, their numbering, and the
//! properties that make a redacted export safe to share.

use super::*;
use crate::analysis::Analyzer;
use crate::rules::RuleSet;
use proptest::prelude::*;

/// Redacts `lines` in order with one redactor, as [`redacted`] does for an analysis's texts.
fn redact_lines(lines: &[&str]) -> Vec<String> {
    let mut redactor = Redactor::learning_from(lines.iter().copied());
    lines.iter().map(|line| redactor.redact(line)).collect()
}

#[test]
fn syslog_line_fully_redacted() {
    let lines = redact_lines(&[
        "Jul 17 20:31:39 10-0-0-1-node-a kubelet: I0717 20:31:39.569363   23774 prober.go:106] \
         Readiness probe for \"shop-rule-1362938709-4900s_default(cc41426a-d0d0-102d-8cef-fde27a7e92d9):shop-rule\" \
         failed (failure): Get http://10.0.4.4:8080/health: dial tcp 10.0.4.4:8080: connection refused",
    ]);
    assert_eq!(
        lines[0],
        "Jul 17 20:31:39 node-1 kubelet: I0717 20:31:39.569363   23774 prober.go:106] \
         Readiness probe for \"shop-rule-1362938709-4900s_default(cc41426a-d0d0-102d-8cef-fde27a7e92d9):shop-rule\" \
         failed (failure): Get http://10.0.0.1:8080/health: dial tcp 10.0.0.1:8080: connection refused"
    );
}

#[test]
fn node_learnt_later_replaced_earlier() {
    let lines = redact_lines(&[
        "I1204 10:00:00.1 1 x.go:1] evicting pods from worker-b",
        r#"I1204 10:00:01.1 1 x.go:1] "Successfully registered node" node="worker-b""#,
    ]);
    assert_eq!(
        lines[0],
        "I1204 10:00:00.1 1 x.go:1] evicting pods from node-1"
    );
    assert!(lines[1].ends_with(r#"node="node-1""#), "{}", lines[1]);
}

#[test]
fn numbering_by_first_appearance() {
    let lines = redact_lines(&[
        "a 192.168.0.7 b 192.168.0.9",
        "c 192.168.0.9 PASSWORD=x1 d 192.168.0.7 TOKEN=\"y2\"",
    ]);
    assert_eq!(lines[0], "a 10.0.0.1 b 10.0.0.2");
    assert_eq!(
        lines[1],
        "c 10.0.0.2 PASSWORD=value-1 d 10.0.0.1 TOKEN=\"value-2\""
    );
}

#[test]
fn secret_holding_address_replaced_whole() {
    let lines = redact_lines(&["DB_HOST=192.168.3.4 then 192.168.3.4"]);
    assert_eq!(lines[0], "DB_HOST=value-1 then 10.0.0.1");
}

#[test]
fn ack_node_name_not_split() {
    let lines = redact_lines(&["Nov  4 11:21:08 cn-hangzhou.192.168.0.10 kubelet[1]: started"]);
    assert_eq!(lines[0], "Nov  4 11:21:08 node-1 kubelet[1]: started");
}

#[test]
fn placeholder_lookalikes_numbered_apart() {
    // A line that already contains node-2 keeps it apart from the nodes renamed after it.
    let lines = redact_lines(&[
        "I1204 x.go:1] moved from node-2",
        "Dec  4 10:00:00 alpha kubelet[1]: a",
        "Dec  4 10:00:01 beta kubelet[1]: b",
    ]);
    assert_eq!(lines[0], "I1204 x.go:1] moved from node-1");
    assert_eq!(lines[1], "Dec  4 10:00:00 node-2 kubelet[1]: a");
    assert_eq!(lines[2], "Dec  4 10:00:01 node-3 kubelet[1]: b");
}

#[test]
fn analysis_texts_and_file_names_redacted() {
    let log = "Oct 29 13:16:48 node-a kubelet[4919]: I1029 13:16:48.471488    4919 \
               kuberuntime_manager.go:457] \"Probe failed\" probeType=\"Liveness\" \
               pod=\"default/web-1\" output=\"Get http://172.16.9.3:80/: refused\"\n";
    let mut analyzer = Analyzer::new(RuleSet::builtin());
    let file = analyzer.begin_file("node-a/var/log/kubelet-node-a.log", 2025);
    analyzer.push(file, log.as_bytes());
    analyzer.end_file(file);
    let analysis = analyzer.analysis();
    let event = &analysis.events[0];
    assert!(event.text.contains("172.16.9.3"), "{}", event.text);

    let redacted = redacted(&analysis);
    let text = &redacted.events[0].text;
    assert!(
        text.starts_with("Oct 29 13:16:48 node-1 kubelet[4919]: "),
        "{text}"
    );
    assert!(text.contains("http://10.0.0.1:80/"), "{text}");
    assert_eq!(redacted.files[0].name, "node-1/var/log/kubelet-node-1.log");
    assert_eq!(redacted.events[0].klog_time, event.klog_time);
    assert_eq!(redacted.pods, analysis.pods, "pods are kept");
    assert_eq!(redacted.events[0].uid, event.uid);
    assert!(redacted.redacted, "the copy is marked as redacted");
    assert!(!analysis.redacted, "the analysis read is not");
}

#[test]
fn secret_forms_replaced_in_lines() {
    let lines = redact_lines(&[
        "pull https://alice:pa55wordInUrl@registry.corp.com/v2/app",
        "https://acct.blob.core.windows.net/c/f?sv=2021-08-06&sig=SasSig%2Fabc&se=2025",
        r#"output="--password s3cr3tFlag" x-api-key: apiKeyHeader1 Cookie: sid=c00kie"#,
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB user@laptop.corp.example",
        "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA -----END RSA PRIVATE KEY-----",
    ]);
    assert_eq!(lines[0], "pull https://alice:value-1@host-1.example/v2/app");
    assert_eq!(
        lines[1],
        "https://host-2.example/c/f?sv=2021-08-06&sig=value-2&se=2025"
    );
    assert_eq!(
        lines[2],
        r#"output="--password value-3" x-api-key: value-4 Cookie: sid=value-5"#
    );
    assert_eq!(lines[3], "ssh-rsa value-6 user@host-3.example");
    assert_eq!(
        lines[4],
        "-----BEGIN RSA PRIVATE KEY----- value-7 -----END RSA PRIVATE KEY-----"
    );
}

/// Generates one piece of a line: an address, a host, a secret or plain words.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..=223, 0u8..=255, 0u8..=255, 1u8..=254)
            .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}:{}", u16::from(d) * 7)),
        (0u16..=0xffff).prop_map(|group| format!("[2001:db8::{group:x}]")),
        "[a-z]{3,8}".prop_map(|name| format!("node=\"{name}-{}\"", name.len())),
        "[a-z]{3,8}".prop_map(|name| format!("https://{name}.corp.example.com/x")),
        "[A-Za-z0-9]{1,12}".prop_map(|value| format!("API_TOKEN={value}")),
        "[A-Za-z0-9]{1,12}".prop_map(|value| format!("\"password\":\"{value}\"")),
        "[a-z]{1,8}( [a-z]{1,8}){0,3}",
        ("[a-z]{3,8}", "[A-Za-z0-9]{1,12}")
            .prop_map(|(user, password)| format!("https://{user}:{password}@reg.{user}.io/v2")),
        "[A-Za-z0-9%]{1,12}"
            .prop_map(|sig| format!("https://a.blob.example.net/c?sv=1&sig={sig}&se=2")),
        "[A-Za-z0-9]{1,12}".prop_map(|value| format!("--password {value}")),
        "[A-Za-z0-9]{1,12}".prop_map(|value| format!("Cookie: sid={value}; theme=dark")),
        "[A-Za-z0-9]{4,16}".prop_map(|body| format!(
            "-----BEGIN RSA PRIVATE KEY----- {body} -----END RSA PRIVATE KEY-----"
        )),
        "[A-Za-z0-9+/]{4,16}".prop_map(|body| format!("ssh-ed25519 AAAA{body} me@laptop")),
        "[A-Za-z0-9]{5,10}".prop_map(|part| format!("eyJ{part}.eyJ{part}.{part}")),
        Just("I0516 18:34:39.885628    4052 prober.go:107]".to_string()),
        Just("node-3".to_string()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..6).prop_map(|parts| parts.join(" "))
}

proptest! {
    #[test]
    fn redaction_idempotent(lines in prop::collection::vec(line(), 1..8)) {
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let once = redact_lines(&refs);
        let once_refs: Vec<&str> = once.iter().map(String::as_str).collect();
        let twice = redact_lines(&once_refs);
        prop_assert_eq!(&twice, &once);
    }

    #[test]
    fn redaction_stable_within_call(line in line()) {
        let lines = redact_lines(&[line.as_str(), line.as_str()]);
        prop_assert_eq!(&lines[0], &lines[1]);
    }

    #[test]
    fn no_generated_address_survives(parts in prop::collection::vec(fragment(), 1..6)) {
        let line = parts.join(" ");
        let redacted = redact_lines(&[line.as_str()]).remove(0);
        for address in addresses_in(&line) {
            if !address.starts_with("10.0.0.") && !address.starts_with("fd00::") {
                prop_assert!(!redacted.contains(&address), "{} survives in {}", address, redacted);
            }
        }
    }
}

/// Returns the IPv4 and IPv6 addresses that [`addresses`] finds in `text`.
fn addresses_in(text: &str) -> Vec<String> {
    let mut spans = Vec::new();
    addresses::find_addresses(text, &mut spans);
    spans
        .iter()
        .map(|span| text[span.start..span.end].to_string())
        .collect()
}
