import Vapor
import Leaf
import Prometheus
import MeedoenStorage
