package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A maximum one-to-one pairing of a writer's parts with a reader's parts, over the pairs that are allowed
 * (augmenting paths; the part counts are small). Each allowed pair carries the differences found for it.
 */
final class SubschemaMatching {

    private final int left;
    private final int right;
    private final Map<Integer, Map<Integer, List<JsonDifference>>> allowed = new HashMap<>();

    SubschemaMatching(int left, int right) {
        this.left = left;
        this.right = right;
    }

    void allow(int leftIndex, int rightIndex, List<JsonDifference> differences) {
        allowed.computeIfAbsent(leftIndex, i -> new HashMap<>()).put(rightIndex, differences);
    }

    /** The differences of each pair in a maximum pairing, in the writer's order. */
    List<List<JsonDifference>> maximum() {
        int[] leftOfRight = new int[right];
        Arrays.fill(leftOfRight, -1);
        for (int i = 0; i < left; i++) {
            augment(i, new boolean[right], leftOfRight);
        }
        List<List<JsonDifference>> pairs = new ArrayList<>();
        for (int i = 0; i < left; i++) {
            for (int j = 0; j < right; j++) {
                if (leftOfRight[j] == i) {
                    pairs.add(allowed.get(i).get(j));
                }
            }
        }
        return pairs;
    }

    private boolean augment(int i, boolean[] visited, int[] leftOfRight) {
        for (int j : allowed.getOrDefault(i, Map.of()).keySet().stream().sorted().toList()) {
            if (!visited[j]) {
                visited[j] = true;
                if (leftOfRight[j] < 0 || augment(leftOfRight[j], visited, leftOfRight)) {
                    leftOfRight[j] = i;
                    return true;
                }
            }
        }
        return false;
    }
}
