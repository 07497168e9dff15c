package io.strata.engine.contents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Package and file changes as plain maps and lists (docs/json.md: {@code nodes[].packages} and
 * {@code nodes[].files} of a build's {@code result.json}, and {@code strata diff --format json}).
 */
public final class ChangesJson {

    private ChangesJson() {
    }

    /** Package changes: summary, then added, removed, upgraded and downgraded, each {@code {name, architecture, before, after}}. */
    public static Map<String, Object> packages(PackageChanges changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("summary", changes.summary());
        map.put("added", packageList(changes.added()));
        map.put("removed", packageList(changes.removed()));
        map.put("upgraded", packageList(changes.upgraded()));
        map.put("downgraded", packageList(changes.downgraded()));
        return map;
    }

    /** File changes: the bytes before and after, then added, removed and changed, each {@code {path, what, sizeBefore, sizeAfter}}. */
    public static Map<String, Object> files(FileChanges changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bytesBefore", changes.bytesBefore());
        map.put("bytesAfter", changes.bytesAfter());
        map.put("added", fileList(changes.added()));
        map.put("removed", fileList(changes.removed()));
        map.put("changed", fileList(changes.changed()));
        return map;
    }

    private static List<Object> fileList(List<FileChanges.Change> changes) {
        List<Object> list = new ArrayList<>();
        for (FileChanges.Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", change.path());
            entry.put("what", change.what());
            entry.put("sizeBefore", change.sizeBefore() < 0 ? null : change.sizeBefore());
            entry.put("sizeAfter", change.sizeAfter() < 0 ? null : change.sizeAfter());
            list.add(entry);
        }
        return list;
    }

    private static List<Object> packageList(List<PackageChanges.Change> changes) {
        List<Object> list = new ArrayList<>();
        for (PackageChanges.Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", change.name());
            entry.put("architecture", change.architecture());
            entry.put("before", change.before());
            entry.put("after", change.after());
            list.add(entry);
        }
        return list;
    }
}
