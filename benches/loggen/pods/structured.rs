//! Lifecycle lines in the structured wording of kubelet 1.21 and later (these templates are
//! those of 1.27), which names a pod as `pod="namespace/name"`.

use super::{Pod, Step, Step::*, STRUCTURED_PID as PID};
use crate::clock::Clock;
use std::io::{self, Write};

pub fn write(out: &mut Vec<u8>, clock: &Clock, pod: &Pod, step: Step) -> io::Result<()> {
    let (n, ns, uid, c) = (&pod.name, pod.namespace, &pod.uid, pod.container);
    let (cid, sid) = (&pod.container_id, &pod.sandbox_id);
    let event = |out: &mut Vec<u8>, kind: &str, reason: &str, text: &str| {
        clock.klog(out, b'I', PID, "event.go:307")?;
        write!(
            out,
            "\"Event occurred\" object=\"{ns}/{n}\" fieldPath=\"spec.containers{{{c}}}\" \
             kind=\"Pod\" apiVersion=\"v1\" type=\"{kind}\" reason=\"{reason}\" \
             message=\"{text}\""
        )
    };
    let probe = |out: &mut Vec<u8>, probe: &str, output: &str| {
        clock.klog(out, b'I', PID, "prober.go:107")?;
        write!(
            out,
            "\"Probe failed\" probeType=\"{probe}\" pod=\"{ns}/{n}\" podUID={uid} \
             containerName=\"{c}\" probeResult=failure output=\"{output}\""
        )
    };
    match step {
        Add => sync(out, clock, "ADD", ns, n),
        Update => sync(out, clock, "UPDATE", ns, n),
        Delete => sync(out, clock, "DELETE", ns, n),
        Remove => sync(out, clock, "REMOVE", ns, n),
        NoSandbox => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:960")?;
            write!(
                out,
                "\"No sandbox for pod can be found. Need to start a new one\" pod=\"{ns}/{n}\""
            )
        }
        SandboxCreated => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:960")?;
            write!(
                out,
                "\"Created PodSandbox for pod\" podSandboxID=\"{sid}\" pod=\"{ns}/{n}\""
            )
        }
        SandboxStarted => {
            clock.klog(out, b'I', PID, "kubelet.go:2244")?;
            write!(
                out,
                "\"SyncLoop (PLEG): event for pod\" pod=\"{ns}/{n}\" \
                 event=&{{ID:{uid} Type:ContainerStarted Data:{sid}}}"
            )
        }
        Created => event(out, "Normal", "Created", &format!("Created container {c}")),
        Started => event(out, "Normal", "Started", &format!("Started container {c}")),
        Stopping => event(out, "Normal", "Killing", &format!("Stopping container {c}")),
        ReadinessFailed => probe(out, "Readiness", "HTTP probe failed with statuscode: 503"),
        LivenessFailed => probe(
            out,
            "Liveness",
            "Get \\\"http://10.244.3.17:8080/healthz\\\": context deadline exceeded \
             (Client.Timeout exceeded while awaiting headers)",
        ),
        WillRestart => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:960")?;
            write!(
                out,
                "\"Message for Container of pod\" containerName=\"{c}\" \
                 containerStatusID={{Type:containerd ID:{cid}}} pod=\"{ns}/{n}\" \
                 containerMessage=\"Container {c} failed liveness probe, will be restarted\""
            )
        }
        Killing => {
            clock.klog(out, b'I', PID, "kuberuntime_container.go:745")?;
            write!(
                out,
                "\"Killing container with a grace period\" pod=\"{ns}/{n}\" podUID={uid} \
                 containerName=\"{c}\" containerID=\"containerd://{cid}\" gracePeriod=30"
            )
        }
        BackOff => {
            clock.klog(out, b'E', PID, "pod_workers.go:1289")?;
            write!(
                out,
                "\"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \
                 \\\"{c}\\\" with CrashLoopBackOff: \\\"back-off 10s restarting failed \
                 container={c} pod={n}_{ns}({uid})\\\"\" pod=\"{ns}/{n}\" podUID={uid}"
            )
        }
        Exited => {
            clock.klog(out, b'I', PID, "kuberuntime_container.go:745")?;
            write!(
                out,
                "\"Container exited normally\" pod=\"{ns}/{n}\" podUID={uid} \
                 containerName=\"{c}\" containerID=\"containerd://{cid}\""
            )
        }
    }
}

fn sync(out: &mut Vec<u8>, clock: &Clock, op: &str, ns: &str, n: &str) -> io::Result<()> {
    clock.klog(out, b'I', PID, "kubelet.go:2212")?;
    write!(out, "\"SyncLoop {op}\" source=\"api\" pods=[\"{ns}/{n}\"]")
}
