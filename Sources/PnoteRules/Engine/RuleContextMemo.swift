import Foundation
import PnoteModel

/// What several rules derive from the same note (indicator units, group classes),
/// computed on first use and kept for the rest of one check. A context checks one note
/// on one thread; the lock keeps the memo correct should a context be shared anyway.
final class RuleContextMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var units: [IndicatorUnit]?
    private var classifications: [BlockAddress: GroupClassification?] = [:]

    func indicatorUnits(_ make: () -> [IndicatorUnit]) -> [IndicatorUnit] {
        lock.lock(); defer { lock.unlock() }
        if let units { return units }
        let made = make()
        units = made
        return made
    }

    func classification(of address: BlockAddress, _ make: () -> GroupClassification?) -> GroupClassification? {
        lock.lock()
        if let known = classifications[address] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock(); classifications[address] = made; lock.unlock()
        return made
    }
}
