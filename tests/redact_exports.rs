//! Redaction of real cases before export: no address or node name of the input is left in the
//! JSON, CSV or SVG of a redacted analysis, and the pod is still the same pod.

mod common;

use podlife::analysis::Analysis;
use podlife::export::{redacted, write_csv, write_json_lines};
use podlife::i18n::Lang;
use podlife::level::LevelSet;
use podlife::timeline::{export_pods_svg, TimelineEvents};
use regex::Regex;

/// A syslog case whose node is `10-0-0-1-node-a` and whose probe dials `10.0.0.4:8080`.
const CASE_03: &str = "tests/fixtures/cases/03-syslog-nopid-old-readiness-probe/input.log";
/// A case whose mount fails on an Azure Files share, `storageacct0001.file.core.windows.net`.
const CASE_10: &str = "tests/fixtures/cases/10-aks-azurefile-mount-failure/input.log";
/// Probe outputs of shop/web-1 with a secret in every form that redaction replaces: environment
/// variables, flags, JSON, URL userinfo, headers, cookies, signed URLs, SSH and PEM keys.
const SECRETS: &str = "tests/fixtures/secrets/messages";

fn analyze(path: &str) -> Analysis {
    common::analyze_bytes(&std::fs::read(path).unwrap(), 2025)
}

/// Returns the JSON lines, CSV and SVG of `pod` at every level, one after the other.
fn exports(analysis: &Analysis, pod: usize) -> String {
    let events = TimelineEvents::of(analysis, &[pod], LevelSet::ALL).merged();
    let mut out = Vec::new();
    write_json_lines(&mut out, &events, analysis).unwrap();
    write_csv(&mut out, &events, analysis).unwrap();
    let mut text = String::from_utf8(out).unwrap();
    text.push_str(&export_pods_svg(
        analysis,
        &[pod],
        LevelSet::ALL,
        Lang::En,
        None,
    ));
    text
}

/// Returns every IPv4 address written in `text`, loopback ones left out.
fn ipv4_addresses(text: &str) -> Vec<String> {
    let pattern = Regex::new(r"\b\d{1,3}(?:\.\d{1,3}){3}\b").unwrap();
    pattern
        .find_iter(text)
        .map(|found| found.as_str().to_string())
        .filter(|address| !address.starts_with("127."))
        .collect()
}

#[test]
fn case_03_addresses_and_node_hidden() {
    let analysis = analyze(CASE_03);
    let input = std::fs::read_to_string(CASE_03).unwrap();
    let addresses = ipv4_addresses(&input);
    assert!(addresses.contains(&"10.0.0.4".to_string()), "{addresses:?}");
    let pod = analysis.find_pods("shop-rule-1362938709-4900s")[0];
    let plain = exports(&analysis, pod);
    assert!(
        plain.contains("10.0.0.4"),
        "the plain export shows the address"
    );

    let shared = exports(&redacted(&analysis), pod);
    for address in &addresses {
        assert!(!shared.contains(address.as_str()), "{address} survives");
    }
    assert!(
        !shared.contains("10-0-0-1-node-a"),
        "the node's name survives"
    );
    assert!(shared.contains("http://10.0.0.1:8080/health"), "{shared}");
    assert!(shared.contains("default/shop-rule-1362938709-4900s"));
}

#[test]
fn case_10_share_host_hidden() {
    let analysis = analyze(CASE_10);
    let pod = analysis.find_pods("files-pod")[0];
    let plain = exports(&analysis, pod);
    assert!(plain.contains("storageacct0001.file.core.windows.net"));

    let shared = exports(&redacted(&analysis), pod);
    assert!(
        !shared.contains("storageacct0001"),
        "the storage account survives"
    );
    assert!(shared.contains("//host-1.example/aksshare"), "{shared}");
    assert!(
        shared.contains("kubernetes.io/csi/file.csi.azure.com"),
        "the CSI driver's name is kept"
    );
}

#[test]
fn redacted_analysis_keeps_pods_and_times() {
    for case in [CASE_03, CASE_10] {
        let analysis = analyze(case);
        let shared = redacted(&analysis);
        assert_eq!(shared.pods, analysis.pods, "{case}");
        assert_eq!(shared.events.len(), analysis.events.len(), "{case}");
        for (before, after) in analysis.events.iter().zip(&shared.events) {
            assert_eq!(after.time, before.time, "{case}");
            assert_eq!(after.klog_time, before.klog_time, "{case}");
            assert_eq!(after.kind, before.kind, "{case}");
        }
    }
}

/// Every secret value, host and node name written in the secrets fixture.
const SECRET_VALUES: [&str; 31] = [
    "s3cr3tEnvValue",
    "s3cr3tFlagValue",
    "clientFlagValue",
    "s3cr3tJsonValue",
    "pa55wordInUrl",
    "registry.corp.com",
    "ghp_tokenInUserinfo",
    "git.corp.com",
    "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY",
    "dXNlcjpwYXNzd29yZA",
    "apikeyHeaderValue123",
    "authTokenHeaderValue",
    "cookieSessionValue",
    "cookieThemeValue",
    "setCookieValue",
    "acct.blob.core.windows.net",
    "SasSignatureValue",
    "AKIAEXAMPLECRED",
    "amzSignatureValue",
    "amzSessionToken",
    "clientSecretValue99",
    "plainSecretValue",
    "tokenValueQuoted",
    "AAAAB3NzaC1yc2EAAAADAQABAAABAQCverylongkey",
    "laptop.corp.com",
    "MIIEpAIBAAKCAQEAprivkeydata",
    "b3BlbnNzaC1rZXktdjEAAAAAescaped",
    "worker-node-17",
    "Value:s3cr3t",
    "sig=Sas",
    "alice:pa55",
];

#[test]
fn secret_forms_hidden_in_exports() {
    let analysis = analyze(SECRETS);
    let pod = analysis.find_pods("shop/web-1")[0];
    let plain = exports(&analysis, pod);
    for secret in SECRET_VALUES {
        assert!(plain.contains(secret), "the fixture has {secret}");
    }

    let shared = exports(&redacted(&analysis), pod);
    for secret in SECRET_VALUES {
        assert!(!shared.contains(secret), "{secret} survives");
    }
    assert!(shared.contains("https://alice:value-5@host-1.example/v2/app"));
    assert!(shared.contains("sv=2021-08-06&amp;sig=value-14&amp;se=2025"));
    assert!(shared.contains("-----BEGIN RSA PRIVATE KEY----- value-22 -----END"));
}

/// Returns the field names of each JSON line of `events`, and the CSV header line.
fn record_fields(analysis: &Analysis, pod: usize) -> (Vec<Vec<String>>, String) {
    let events = TimelineEvents::of(analysis, &[pod], LevelSet::ALL).merged();
    let mut json = Vec::new();
    write_json_lines(&mut json, &events, analysis).unwrap();
    let keys = String::from_utf8(json)
        .unwrap()
        .lines()
        .map(|line| {
            let record: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(line).unwrap();
            record.keys().cloned().collect()
        })
        .collect();
    let mut csv = Vec::new();
    write_csv(&mut csv, &events, analysis).unwrap();
    let header = String::from_utf8(csv)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    (keys, header)
}

#[test]
fn redacted_records_keep_fields() {
    let analysis = analyze(SECRETS);
    let pod = analysis.find_pods("shop/web-1")[0];
    let (plain_keys, plain_header) = record_fields(&analysis, pod);
    let (shared_keys, shared_header) = record_fields(&redacted(&analysis), pod);
    assert_eq!(shared_keys, plain_keys, "JSON fields");
    assert_eq!(shared_header, plain_header, "CSV columns");
    assert!(!plain_header.contains("redacted"), "{plain_header}");
}
