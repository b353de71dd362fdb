package coop.minka.domain;

/// One installation of Minka: a laptop that writes ops under its own key.
public record Replica(String id, String name, byte[] publicKey, ReplicaStatus status, long joinedHlc) {
}
