/**
 * The {@code zfsDataset} resource type: a ZFS dataset with its mountpoint and properties. State is
 * read with {@code zfs get -H -p} (machine-readable) and {@code zpool list}; datasets are created
 * with {@code zfs create -p}, changed with {@code zfs set}, and destroyed only when the playbook
 * says both {@code state 'absent'} and {@code force true}.
 */
package dev.pki.resource.zfs;
