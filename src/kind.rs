//! The canonical event kinds: their stable names, default levels, scope and labels in English
//! and Simplified Chinese. The names are a contract: they appear in the JSON and CSV exports,
//! in rule files and in tests.

use crate::i18n::Lang;
use crate::level::Level;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Whether an event belongs to one pod or to the node as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Pod,
    Node,
}

macro_rules! event_kinds {
    ($($kind:ident: $level:ident, $scope:ident, $en:literal, $zh:literal;)*) => {
        /// One kind of lifecycle moment.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum EventKind {
            $($kind,)*
        }

        impl EventKind {
            /// Every kind, in the order of the reference table.
            pub const ALL: &'static [EventKind] = &[$(EventKind::$kind,)*];

            /// Returns the stable name, as written in exports and rule files.
            pub fn name(self) -> &'static str {
                match self {
                    $(EventKind::$kind => stringify!($kind),)*
                }
            }

            /// Returns the level an event of this kind gets unless a rule or condition sets another.
            pub fn default_level(self) -> Level {
                match self {
                    $(EventKind::$kind => Level::$level,)*
                }
            }

            pub fn scope(self) -> Scope {
                match self {
                    $(EventKind::$kind => Scope::$scope,)*
                }
            }

            /// Returns the label the timeline shows for this kind.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((EventKind::$kind, Lang::En) => $en,
                      (EventKind::$kind, Lang::ZhCn) => $zh,)*
                }
            }
        }
    };
}

event_kinds! {
PodAdded: Normal, Pod, "Pod added", "Pod 添加";
PodUpdated: Normal, Pod, "Pod updated", "Pod 更新";
PodDeleted: Normal, Pod, "Pod deletion requested", "Pod 删除请求";
PodRemoved: Normal, Pod, "Pod removed", "Pod 移除";
PodRecreated: Warning, Pod, "Pod recreated", "Pod 重建";
PodKillRequired: Normal, Pod, "Pod deleted, must be killed", "Pod 已删除需终止";
PodGoneFromServer: Normal, Pod, "Pod gone from API server", "Pod 已不在 API Server";
PodAdmissionRejected: Error, Pod, "Admission rejected", "准入被拒绝";
PodTerminating: Info, Pod, "Pod teardown started", "Pod 开始终止";
Evicted: Fatal, Pod, "Evicted", "被驱逐";
Preempted: Warning, Pod, "Preempted", "被抢占";
NodeShutdownKill: Warning, Pod, "Killed by node shutdown", "节点关机终止";
DeadlineExceeded: Fatal, Pod, "Active deadline exceeded", "超过运行时限";
StatusUpdated: Info, Pod, "Status updated", "状态更新";
ContainersNotReady: Warning, Pod, "Containers not ready", "容器未就绪";
SandboxNeeded: Normal, Pod, "New sandbox needed", "需要新沙箱";
SandboxCreated: Normal, Pod, "Sandbox created", "沙箱已创建";
SandboxCreateFailed: Error, Pod, "Sandbox creation failed", "沙箱创建失败";
SandboxChanged: Warning, Pod, "Sandbox changed", "沙箱变更";
SandboxStopped: Info, Pod, "Sandbox stopped", "沙箱已停止";
NetworkNotReady: Error, Pod, "Network not ready", "网络未就绪";
VolumesWaiting: Info, Pod, "Waiting for volumes", "等待卷挂载";
VolumesMounted: Normal, Pod, "Volumes mounted", "卷已挂载";
MountSucceeded: Info, Pod, "Volume mounted", "单卷挂载成功";
MountFailed: Error, Pod, "Volume mount failed", "卷挂载失败";
VolumeUnmounted: Info, Pod, "Volume unmounted", "卷已卸载";
VolumesNotCleaned: Warning, Pod, "Volumes not cleaned up", "卷未清理";
ImagePulling: Info, Pod, "Pulling image", "拉取镜像";
ImagePulled: Normal, Pod, "Image pulled", "镜像已拉取";
ImagePullFailed: Error, Pod, "Image pull failed", "镜像拉取失败";
PullSecretMissing: Warning, Pod, "Pull secret missing", "拉取密钥缺失";
ContainerCreated: Normal, Pod, "Container created", "容器已创建";
ContainerStarted: Normal, Pod, "Container started", "容器已启动";
ContainerExited: Normal, Pod, "Container exited normally", "容器正常退出";
ContainerDied: Warning, Pod, "Container died", "容器退出";
ContainerRemoved: Info, Pod, "Container removed", "容器已删除";
ContainerKilled: Warning, Pod, "Container killed", "容器被终止";
ContainerRestarting: Warning, Pod, "Container will be restarted", "容器将重启";
ContainerStartFailed: Error, Pod, "Container start failed", "容器启动失败";
KillFailed: Error, Pod, "Kill failed", "终止失败";
BackOffRestart: Warning, Pod, "Back-off restarting", "重启退避";
OOMKilled: Fatal, Pod, "OOM killed", "内存溢出被杀";
PreStopHookFailed: Error, Pod, "PreStop hook failed", "PreStop 钩子失败";
PostStartHookFailed: Error, Pod, "PostStart hook failed", "PostStart 钩子失败";
ReadinessProbeFailed: Warning, Pod, "Readiness probe failed", "就绪探针失败";
LivenessProbeFailed: Warning, Pod, "Liveness probe failed", "存活探针失败";
StartupProbeFailed: Warning, Pod, "Startup probe failed", "启动探针失败";
ProbeErrored: Warning, Pod, "Probe errored", "探针执行出错";
ProbeSucceeded: Info, Pod, "Probe succeeded", "探针成功";
ReadinessChanged: Info, Pod, "Readiness changed", "就绪状态变化";
KubeletStarted: Info, Node, "Kubelet started", "Kubelet 启动";
PlegUnhealthy: Error, Node, "PLEG unhealthy", "PLEG 不健康";
NodeNotReady: Error, Node, "Node not ready", "节点未就绪";
RuntimeUnavailable: Error, Node, "Container runtime unavailable", "容器运行时不可用";
SystemOOM: Error, Node, "System OOM", "系统 OOM";
EvictionPressure: Warning, Node, "Eviction pressure", "驱逐压力";
ImageFsInvalid: Warning, Node, "Image filesystem invalid", "镜像文件系统异常";}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Error for a kind name that is not in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown event kind {:?}", self.0)
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for EventKind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for &kind in EventKind::ALL {
            assert_eq!(kind.name().parse::<EventKind>(), Ok(kind));
        }
    }

    #[test]
    fn kind_defaults_follow_reference() {
        assert_eq!(EventKind::BackOffRestart.default_level(), Level::Warning);
        assert_eq!(EventKind::Evicted.default_level(), Level::Fatal);
        assert_eq!(EventKind::PlegUnhealthy.scope(), Scope::Node);
        assert_eq!(EventKind::PodAdded.label(Lang::ZhCn), "Pod 添加");
    }
}
