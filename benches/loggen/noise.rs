//! Noise lines: what systemd, the kernel, containerd and the kubelet log besides pod
//! lifecycles. Most name random IDs, so the file does not compress to nothing.

use crate::clock::Clock;
use crate::pods::{kubelet_pid, Pod, Pods};
use crate::random::Rng;
use std::io::{self, Write};

const CONTAINERD: &str = "containerd[812]";

/// Writes one noise line: about a fifth each from systemd and the kernel, a quarter from
/// containerd and the rest from the kubelet.
pub fn write_line(
    out: &mut Vec<u8>,
    clock: &Clock,
    rng: &mut Rng,
    upgraded: bool,
    pods: &Pods,
) -> io::Result<()> {
    let roll = rng.below(100);
    if roll < 20 {
        let pod = pods.any(rng);
        systemd(out, clock, rng, pod)?;
    } else if roll < 40 {
        kernel(out, clock, rng)?;
    } else if roll < 65 {
        containerd(out, clock, rng)?;
    } else {
        let pid = kubelet_pid(upgraded);
        clock.syslog(out, &format!("kubelet[{pid}]"));
        let pod = pods.any(rng);
        if upgraded {
            kubelet_structured(out, clock, rng, pid, pod)?;
        } else {
            kubelet_printf(out, clock, rng, pid, pod)?;
        }
    }
    out.push(b'\n');
    Ok(())
}

/// Writes one noise line that names no pod and matches no rule of podlife: a runc mount unit
/// or a session from systemd, or a kernel or containerd line. Files of different sizes with
/// the same lifecycle events are padded with these lines.
pub fn write_anonymous(out: &mut Vec<u8>, clock: &Clock, rng: &mut Rng) -> io::Result<()> {
    match rng.below(10) {
        0 | 1 => {
            clock.syslog(out, "systemd[1]");
            runc_mount(out, rng);
        }
        2 => {
            clock.syslog(out, "systemd[1]");
            session(out, rng)?;
        }
        3..=5 => kernel(out, clock, rng)?,
        _ => containerd(out, clock, rng)?,
    }
    out.push(b'\n');
    Ok(())
}

/// Writes a kernel noise line of exactly `length` bytes, newline included, by choosing the
/// length of its interface name. Returns `false`, writing nothing, when `length` is below
/// [`padding_min`] for this clock.
pub fn write_padding(out: &mut Vec<u8>, clock: &Clock, rng: &mut Rng, length: usize) -> bool {
    let fixed = padding_min(clock) - 1;
    if length <= fixed {
        return false;
    }
    clock.syslog(out, "kernel");
    out.extend_from_slice(b"device veth");
    rng.push_hex(out, length - fixed);
    out.extend_from_slice(b" entered promiscuous mode\n");
    true
}

/// Returns the length of the shortest line [`write_padding`] writes: its fixed text and one
/// hexadecimal digit.
pub fn padding_min(clock: &Clock) -> usize {
    let mut prefix = Vec::new();
    clock.syslog(&mut prefix, "kernel");
    prefix.len() + "device veth".len() + 1 + " entered promiscuous mode\n".len()
}

/// Writes the lines of a kubelet restart, at which the node's kubelet is upgraded.
pub fn write_upgrade(out: &mut Vec<u8>, clock: &Clock) -> io::Result<()> {
    for text in [
        "Stopping kubelet: The Kubernetes Node Agent...",
        "kubelet.service: Deactivated successfully.",
        "Started kubelet: The Kubernetes Node Agent.",
    ] {
        clock.syslog(out, "systemd[1]");
        writeln!(out, "{text}")?;
    }
    Ok(())
}

fn systemd(out: &mut Vec<u8>, clock: &Clock, rng: &mut Rng, pod: &Pod) -> io::Result<()> {
    clock.syslog(out, "systemd[1]");
    match rng.below(4) {
        0 | 1 => {
            runc_mount(out, rng);
            Ok(())
        }
        2 => session(out, rng),
        _ => write!(
            out,
            "Created slice libcontainer container kubepods-burstable-pod{}.slice.",
            pod.uid.replace('-', "_")
        ),
    }
}

fn runc_mount(out: &mut Vec<u8>, rng: &mut Rng) {
    out.extend_from_slice(b"run-containerd-runc-k8s.io-");
    rng.push_hex(out, 64);
    out.extend_from_slice(b"-runc.");
    rng.push_hex(out, 6);
    out.extend_from_slice(b".mount: Deactivated successfully.");
}

fn session(out: &mut Vec<u8>, rng: &mut Rng) -> io::Result<()> {
    write!(out, "Started Session {} of user core.", rng.below(90_000))
}

fn kernel(out: &mut Vec<u8>, clock: &Clock, rng: &mut Rng) -> io::Result<()> {
    clock.syslog(out, "kernel");
    match rng.below(3) {
        0 => {
            out.extend_from_slice(b"IPv6: ADDRCONF(NETDEV_CHANGE): cali");
            rng.push_hex(out, 11);
            out.extend_from_slice(b": link becomes ready");
        }
        1 => {
            write!(out, "cni0: port {}(veth", 1 + rng.below(40))?;
            rng.push_hex(out, 8);
            out.extend_from_slice(b") entered forwarding state");
        }
        _ => {
            out.extend_from_slice(b"device veth");
            rng.push_hex(out, 8);
            out.extend_from_slice(b" entered promiscuous mode");
        }
    }
    Ok(())
}

fn containerd(out: &mut Vec<u8>, clock: &Clock, rng: &mut Rng) -> io::Result<()> {
    clock.syslog(out, CONTAINERD);
    out.extend_from_slice(b"time=\"");
    clock.iso(out)?;
    match rng.below(4) {
        0 => {
            out.extend_from_slice(b"\" level=info msg=\"ExecSync for \\\"");
            rng.push_hex(out, 64);
            out.extend_from_slice(
                b"\\\" with command [/bin/grpc_health_probe -addr=:8080] and timeout 1 (s)\"",
            );
        }
        1 => {
            out.extend_from_slice(
                b"\" level=info msg=\"Finish piping \\\"stdout\\\" of container exec \\\"",
            );
            rng.push_hex(out, 64);
            out.extend_from_slice(b"\\\"\"");
        }
        2 => {
            out.extend_from_slice(b"\" level=info msg=\"shim disconnected\" id=");
            rng.push_hex(out, 64);
            out.extend_from_slice(b" namespace=k8s.io");
        }
        _ => {
            out.extend_from_slice(b"\" level=info msg=\"ImageUpdate event name:\\\"sha256:");
            rng.push_hex(out, 64);
            out.extend_from_slice(
                b"\\\"  labels:{key:\\\"io.cri-containerd.image\\\"  value:\\\"managed\\\"}\"",
            );
        }
    }
    Ok(())
}

fn kubelet_printf(
    out: &mut Vec<u8>,
    clock: &Clock,
    rng: &mut Rng,
    pid: u32,
    pod: &Pod,
) -> io::Result<()> {
    let (n, uid) = (&pod.name, &pod.uid);
    if rng.below(2) == 0 {
        clock.klog(out, b'I', pid, "reconciler.go:224")?;
        write!(
            out,
            "operationExecutor.VerifyControllerAttachedVolume started for volume \
             \"kube-api-access-x2k4p\" (UniqueName: \
             \"kubernetes.io/projected/{uid}-kube-api-access-x2k4p\") pod \"{n}\" (UID: \"{uid}\")"
        )
    } else {
        clock.klog(out, b'W', pid, "container.go:586")?;
        write!(
            out,
            "Failed to update stats for container \"/kubepods/burstable/pod{uid}/{}\": \
             unable to determine device info for dir: /var/lib/containerd: stat failed on \
             /var/lib/containerd with error: no such file or directory, continuing to push stats",
            pod.container_id
        )
    }
}

fn kubelet_structured(
    out: &mut Vec<u8>,
    clock: &Clock,
    rng: &mut Rng,
    pid: u32,
    pod: &Pod,
) -> io::Result<()> {
    let (n, ns, uid) = (&pod.name, pod.namespace, &pod.uid);
    match rng.below(3) {
        0 => {
            clock.klog(out, b'I', pid, "reconciler_common.go:258")?;
            write!(
                out,
                "\"operationExecutor.VerifyControllerAttachedVolume started for volume \
                 \\\"kube-api-access-x2k4p\\\" (UniqueName: \
                 \\\"kubernetes.io/projected/{uid}-kube-api-access-x2k4p\\\") pod \\\"{n}\\\" \
                 (UID: \\\"{uid}\\\") \" pod=\"{ns}/{n}\""
            )
        }
        1 => {
            clock.klog(out, b'I', pid, "kubelet.go:2453")?;
            write!(
                out,
                "\"SyncLoop (probe)\" probe=\"readiness\" status=\"ready\" pod=\"{ns}/{n}\""
            )
        }
        _ => {
            clock.klog(out, b'E', pid, "cadvisor_stats_provider.go:447")?;
            write!(
                out,
                "\"Partial failure issuing cadvisor.ContainerInfoV2\" err=\"partial failures: \
                 [\\\"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod{}.slice\\\": \
                 RecentStats: unable to find data in memory cache]\"",
                uid.replace('-', "_")
            )
        }
    }
}
