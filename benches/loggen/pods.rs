//! The node's pods and the order of their lifecycle lines. The `printf` and `structured`
//! modules word each line as the two kubelet generations do.

mod printf;
mod structured;

use crate::clock::Clock;
use crate::random::Rng;
use std::io;

/// Kubelet process IDs before and after the upgrade.
pub const PRINTF_PID: u32 = 1187;
pub const STRUCTURED_PID: u32 = 4410;

const NAMESPACES: &[&str] = &["shop", "payments", "monitoring", "kube-system", "batch"];
const APPS: &[&str] = &[
    "web",
    "api",
    "checkout",
    "cache",
    "worker",
    "fluent-bit",
    "coredns",
    "metrics-server",
];

/// Kubelet wording of a line.
#[derive(Clone, Copy, PartialEq)]
pub enum Generation {
    Printf,
    Structured,
}

/// Lifecycle steps, in the order each pod goes through them. After the last one the pod is
/// replaced by a new pod with a new name and UID.
#[derive(Clone, Copy)]
enum Step {
    Add,
    NoSandbox,
    SandboxCreated,
    SandboxStarted,
    Created,
    Started,
    ReadinessFailed,
    LivenessFailed,
    WillRestart,
    Killing,
    BackOff,
    Update,
    Delete,
    Stopping,
    Exited,
    Remove,
}

use Step::*;
const STEPS: &[Step] = &[
    Add,
    NoSandbox,
    SandboxCreated,
    SandboxStarted,
    Created,
    Started,
    // The crash loop, repeated until the pod is due for deletion.
    ReadinessFailed,
    ReadinessFailed,
    LivenessFailed,
    LivenessFailed,
    LivenessFailed,
    WillRestart,
    Killing,
    BackOff,
    Created,
    Started,
    Update,
    Delete,
    Stopping,
    Exited,
    Remove,
];
const LOOP_START: usize = 6;
const LOOP_END: usize = 16;

/// One pod with its current container.
pub struct Pod {
    pub namespace: &'static str,
    pub name: String,
    pub uid: String,
    pub container: &'static str,
    pub container_id: String,
    pub sandbox_id: String,
    step: usize,
    /// Progress through the file (0 to 1) after which the pod leaves its crash loop and is
    /// deleted, so each pod slot gets one or two pods whatever the file size.
    pub delete_after: f64,
}

impl Pod {
    fn new(rng: &mut Rng, progress: f64) -> Pod {
        let app = *rng.pick(APPS);
        let namespace = *rng.pick(NAMESPACES);
        let name = format!("{app}-{}-{}", rng.hex(9), rng.hex(5));
        let mut pod = Pod::named(rng, namespace, name, app);
        pod.delete_after = progress + 0.2 + rng.below(600) as f64 / 1000.0;
        pod
    }

    /// Creates a pod at its first step. Its `delete_after` is 0, so it goes through its crash
    /// loop once unless the caller sets a later progress.
    pub fn named(
        rng: &mut Rng,
        namespace: &'static str,
        name: String,
        container: &'static str,
    ) -> Pod {
        Pod {
            namespace,
            name,
            uid: rng.uuid(),
            container,
            container_id: rng.hex(64),
            sandbox_id: rng.hex(64),
            step: 0,
            delete_after: 0.0,
        }
    }

    /// Writes this pod's next lifecycle line, with `version` as the object's resource version,
    /// and returns whether that was its last step.
    pub fn write_next(
        &mut self,
        out: &mut Vec<u8>,
        clock: &Clock,
        rng: &mut Rng,
        generation: Generation,
        version: u64,
    ) -> io::Result<bool> {
        let step = STEPS[self.step];
        if matches!(step, Created) {
            self.container_id = rng.hex(64);
        }
        let pid = match generation {
            Generation::Printf => PRINTF_PID,
            Generation::Structured => STRUCTURED_PID,
        };
        clock.syslog(out, &format!("kubelet[{pid}]"));
        match generation {
            Generation::Printf => printf::write(out, clock, self, step, version)?,
            Generation::Structured => structured::write(out, clock, self, step)?,
        }
        out.push(b'\n');
        self.step += 1;
        if self.step == LOOP_END && clock.progress() < self.delete_after {
            self.step = LOOP_START;
        }
        Ok(self.step == STEPS.len())
    }
}

/// The pods of the node.
pub struct Pods {
    pods: Vec<Pod>,
    resource_version: u64,
}

impl Pods {
    /// Creates `count` pods, spread over their lifecycles so that the file does not open with
    /// `count` pod additions in a row.
    pub fn new(rng: &mut Rng, count: usize) -> Pods {
        let mut pods: Vec<Pod> = (0..count).map(|_| Pod::new(rng, 0.0)).collect();
        for pod in pods.iter_mut().skip(count / 2) {
            pod.step = 1 + rng.below(LOOP_END as u64 - 1) as usize;
        }
        Pods {
            pods,
            resource_version: 48_000,
        }
    }

    /// Returns a random pod, for noise lines that name one.
    pub fn any(&self, rng: &mut Rng) -> &Pod {
        rng.pick(&self.pods)
    }

    /// Writes the next lifecycle line of a random pod, and replaces the pod by a new one after
    /// its last step.
    pub fn write_step(
        &mut self,
        out: &mut Vec<u8>,
        clock: &Clock,
        rng: &mut Rng,
        generation: Generation,
    ) -> io::Result<()> {
        let index = rng.below(self.pods.len() as u64) as usize;
        let version = self.next_resource_version();
        let pod = &mut self.pods[index];
        if pod.write_next(out, clock, rng, generation, version)? {
            *pod = Pod::new(rng, clock.progress());
        }
        Ok(())
    }

    /// Counts up and returns the resource version of the next pod event.
    pub fn next_resource_version(&mut self) -> u64 {
        self.resource_version += 1;
        self.resource_version
    }
}

/// Returns the kubelet's process ID before or after the upgrade.
pub fn kubelet_pid(upgraded: bool) -> u32 {
    if upgraded {
        STRUCTURED_PID
    } else {
        PRINTF_PID
    }
}
