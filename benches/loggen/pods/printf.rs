//! Lifecycle lines in the printf wording of kubelet 1.20 and before, which names a pod as
//! `name_namespace(uid)`.

use super::{Pod, Step, Step::*, PRINTF_PID as PID};
use crate::clock::Clock;
use std::io::{self, Write};

pub fn write(
    out: &mut Vec<u8>,
    clock: &Clock,
    pod: &Pod,
    step: Step,
    version: u64,
) -> io::Result<()> {
    let (n, ns, uid, c) = (&pod.name, pod.namespace, &pod.uid, pod.container);
    let (cid, sid) = (&pod.container_id, &pod.sandbox_id);
    let id = format!("{n}_{ns}({uid})");
    let event = |out: &mut Vec<u8>, kind: &str, reason: &str, text: &str| {
        clock.klog(out, b'I', PID, "event.go:278")?;
        write!(
            out,
            "Event(v1.ObjectReference{{Kind:\"Pod\", Namespace:\"{ns}\", Name:\"{n}\", \
             UID:\"{uid}\", APIVersion:\"v1\", ResourceVersion:\"{version}\", \
             FieldPath:\"spec.containers{{{c}}}\"}}): type: '{kind}' reason: '{reason}' {text}"
        )
    };
    match step {
        Add => sync(out, clock, "kubelet.go:1908", "ADD", &id),
        Update => sync(out, clock, "kubelet.go:1921", "UPDATE", &id),
        Delete => sync(out, clock, "kubelet.go:1915", "DELETE", &id),
        Remove => sync(out, clock, "kubelet.go:1918", "REMOVE", &id),
        NoSandbox => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:409")?;
            write!(
                out,
                "No sandbox for pod \"{id}\" can be found. Need to start a new one"
            )
        }
        SandboxCreated => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:678")?;
            write!(out, "Created PodSandbox \"{sid}\" for pod \"{id}\"")
        }
        SandboxStarted => {
            clock.klog(out, b'I', PID, "kubelet.go:1953")?;
            write!(
                out,
                "SyncLoop (PLEG): \"{id}\", event: &pleg.PodLifecycleEvent{{ID:\"{uid}\", \
                 Type:\"ContainerStarted\", Data:\"{sid}\"}}"
            )
        }
        Created => event(out, "Normal", "Created", &format!("Created container {c}")),
        Started => event(out, "Normal", "Started", &format!("Started container {c}")),
        Stopping => event(out, "Normal", "Killing", &format!("Stopping container {c}")),
        ReadinessFailed => {
            clock.klog(out, b'I', PID, "prober.go:116")?;
            write!(
                out,
                "Readiness probe for \"{id}:{c}\" failed (failure): HTTP probe failed with \
                 statuscode: 503"
            )
        }
        LivenessFailed => {
            clock.klog(out, b'I', PID, "prober.go:116")?;
            write!(
                out,
                "Liveness probe for \"{id}:{c}\" failed (failure): Get \
                 http://10.244.3.17:8080/healthz: net/http: request canceled \
                 (Client.Timeout exceeded while awaiting headers)"
            )
        }
        WillRestart => {
            clock.klog(out, b'I', PID, "kuberuntime_manager.go:632")?;
            write!(
                out,
                "Container \"{c}\" ({{\"containerd\" \"{cid}\"}}) of pod {id}: Container {c} \
                 failed liveness probe, will be restarted"
            )
        }
        Killing => {
            clock.klog(out, b'I', PID, "kuberuntime_container.go:635")?;
            write!(
                out,
                "Killing container \"containerd://{cid}\" with a 30 second grace period"
            )
        }
        BackOff => {
            clock.klog(out, b'E', PID, "pod_workers.go:191")?;
            write!(
                out,
                "Error syncing pod {uid} (\"{id}\"), skipping: failed to \"StartContainer\" \
                 for \"{c}\" with CrashLoopBackOff: \"back-off 10s restarting failed \
                 container={c} pod={id}\""
            )
        }
        Exited => {
            clock.klog(out, b'I', PID, "kuberuntime_container.go:655")?;
            write!(out, "Container \"containerd://{cid}\" exited normally")
        }
    }
}

fn sync(out: &mut Vec<u8>, clock: &Clock, source: &str, op: &str, id: &str) -> io::Result<()> {
    clock.klog(out, b'I', PID, source)?;
    write!(out, "SyncLoop ({op}, \"api\"): \"{id}\"")
}
