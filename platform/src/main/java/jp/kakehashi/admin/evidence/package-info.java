/**
 * The auditors' page of the evidence chains (C1, C4, D5 監査証跡の検証): each hash chain's last verification against its
 * signed checkpoints, where it breaks if it does, its latest checkpoints to download, and the key to check them with;
 * a broken chain, or a platform whose database role could rewrite its evidence, is on the dashboard.
 */
package jp.kakehashi.admin.evidence;
